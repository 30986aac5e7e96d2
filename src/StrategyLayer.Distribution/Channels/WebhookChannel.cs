using System.Net.Http.Headers;
using System.Text;
using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Distribution.Channels;

/// <summary>Posts a short message with the summary and a link to a Slack or Teams webhook.</summary>
public sealed class WebhookChannel : IDeliveryChannel
{
    private readonly HttpClient _http;

    public WebhookChannel(HttpClient http)
    {
        _http = http;
    }

    public string Type => "webhook";

    public IReadOnlyList<string?> Recipients(ChannelSettings channel) => [null];

    public async Task SendAsync(ChannelSettings channel, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(channel.Url) || !Uri.TryCreate(channel.Url, UriKind.Absolute, out var url))
        {
            throw new DeliveryException(channel.Name, "no valid webhook 'url' (set its environment variable)");
        }

        // The link has its own block or action, so the text is the summary alone.
        var text = (message.Delivery.Summary ?? "").Trim();
        var body = (channel.Format ?? "slack").Trim().ToLowerInvariant() switch
        {
            "slack" => SlackMessage.Build(message.Subject, text, message.Delivery.Link),
            "teams" => TeamsMessage.Build(message.Subject, text, message.Delivery.Link),
            var other => throw new DeliveryException(channel.Name, $"webhook format '{other}' is not one of slack, teams"),
        };

        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync(url, content, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            // The URL is the secret: name the host only.
            throw new DeliveryException(channel.Name, $"webhook at {url.Host} unreachable: {e.HttpRequestError}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryException(channel.Name, $"webhook at {url.Host} timed out", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new DeliveryException(channel.Name, $"webhook at {url.Host} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }
    }
}
