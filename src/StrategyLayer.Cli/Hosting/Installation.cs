namespace StrategyLayer.Cli.Hosting;

/// <summary>
/// What ships inside the tool, beside <c>strategylayer.dll</c>: the demo's world (its config,
/// strategy tree, rules and schemas under <c>config/</c>), the templates, and the starter files of
/// <c>init</c>. Found from the program's own folder, so every verb works from any folder.
/// </summary>
internal static class Installation
{
    public static string Folder => AppContext.BaseDirectory;

    /// <summary>The demo's config; its relative paths reach the strategy, rules and templates shipped beside it.</summary>
    public static string DemoConfig => Path.Combine(Folder, "config", "strategylayer.json");

    public static string Templates => Path.Combine(Folder, "templates");

    public static string Starter => Path.Combine(Folder, "Starter");

    /// <summary>The version of Directory.Build.props (what <c>--version</c> prints).</summary>
    public static string Version { get; } =
        typeof(Installation).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0";
}
