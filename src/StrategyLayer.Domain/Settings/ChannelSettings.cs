namespace StrategyLayer.Domain.Settings;

/// <summary>A way to deliver packs. Secrets are already resolved from the environment.</summary>
public sealed record ChannelSettings
{
    public required string Name { get; init; }

    /// <summary><c>email</c>, <c>folder</c> or <c>webhook</c>.</summary>
    public required string Type { get; init; }

    // email
    public SmtpSettings? Smtp { get; init; }
    public string? From { get; init; }
    public IReadOnlyList<string> To { get; init; } = [];

    /// <summary>Scriban template text for the subject; the pack's model is in scope.</summary>
    public string? Subject { get; init; }

    // folder (absolute, resolved against the config file's folder)
    public string? Path { get; init; }

    // webhook
    /// <summary><c>slack</c> or <c>teams</c>.</summary>
    public string? Format { get; init; }

    public string? Url { get; init; }

    public override string ToString() => $"ChannelSettings {{ Name = {Name}, Type = {Type} }}";
}

public sealed record SmtpSettings
{
    public required string Host { get; init; }
    public int Port { get; init; } = 25;

    /// <summary><c>none</c>, <c>starttls</c>, <c>tls</c> or <c>auto</c>.</summary>
    public string Security { get; init; } = "auto";

    public string? User { get; init; }
    public string? Password { get; init; }

    public override string ToString() => $"SmtpSettings {{ Host = {Host}, Port = {Port}, Security = {Security}, User = {User ?? "-"} }}";
}
