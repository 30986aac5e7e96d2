using StrategyLayer.Distribution;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Tests.Support;

/// <summary>Builds small real pack files and the settings around them.</summary>
public static class Packs
{
    public static readonly ReportingPeriod November = ReportingPeriod.Parse("2026-11");

    public static PackToDeliver Write(TempFolder folder, AudienceSettings audience, string content = "<h1>Pack</h1>", string? link = "https://pmo.example.com/strategylayer/packs/2026-11")
    {
        var dir = Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, "out-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        var html = System.IO.Path.Combine(dir, $"{audience.Template}-2026-11.html");
        var pdf = System.IO.Path.Combine(dir, $"{audience.Template}-2026-11.pdf");
        File.WriteAllText(html, content);
        File.WriteAllBytes(pdf, [0x25, 0x50, 0x44, 0x46, 0x2d, .. System.Text.Encoding.ASCII.GetBytes(content)]);
        return PackToDeliver.Create(audience, November, [html, pdf], "3 of 5 measures on track; 2 blocked dependencies.", link);
    }

    public static AudienceSettings Audience(params string[] channels) =>
        new() { Name = "executives", Template = "portfolio-pack", Channels = channels };
}
