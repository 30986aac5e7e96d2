using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Distribution.Channels;

/// <summary>Sends one message per recipient over SMTP (MailKit), the pack files attached.</summary>
public sealed class EmailChannel : IDeliveryChannel
{
    public EmailChannel(TimeSpan? timeout = null)
    {
        Timeout = timeout ?? TimeSpan.FromSeconds(30);
    }

    public string Type => "email";

    public TimeSpan Timeout { get; }

    public IReadOnlyList<string?> Recipients(ChannelSettings channel) => channel.To.Select(t => (string?)t).ToList();

    public async Task SendAsync(ChannelSettings channel, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var smtp = channel.Smtp ?? throw new DeliveryException(channel.Name, "no 'smtp' settings");
        if (string.IsNullOrWhiteSpace(channel.From))
        {
            throw new DeliveryException(channel.Name, "no 'from' address");
        }

        var recipient = message.Delivery.Recipient ?? throw new DeliveryException(channel.Name, "no recipient");
        var mime = Build(channel.From, recipient, message);

        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SecurityOf(channel.Name, smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ProtocolException or CommandException or SslHandshakeException or AuthenticationException or TimeoutException)
        {
            // The messages name host and port, never the password.
            throw new DeliveryException(channel.Name, $"SMTP {smtp.Host}:{smtp.Port}: {e.Message}", e);
        }
    }

    /// <summary>Maps the config's <c>security</c> word to MailKit's option.</summary>
    public static SecureSocketOptions SecurityOf(string channel, string? security) => (security ?? "auto").Trim().ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "tls" => SecureSocketOptions.SslOnConnect,
        "auto" => SecureSocketOptions.Auto,
        var other => throw new DeliveryException(channel, $"smtp.security '{other}' is not one of none, starttls, tls, auto"),
    };

    private static MimeMessage Build(string from, string recipient, OutgoingMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(recipient));
        mime.Subject = message.Subject;
        mime.MessageId = message.MessageId;
        mime.Date = message.Delivery.Created;

        var body = new BodyBuilder { TextBody = message.Text };
        foreach (var file in message.Delivery.Files)
        {
            body.Attachments.Add(file);
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }
}
