namespace StrategyLayer.Web.Pages;

/// <summary>What the browser sees when something fails: a sentence and the request id to quote; details go to the log only.</summary>
public sealed record ErrorPage : PageBase
{
    public required string Message { get; init; }
    public required string RequestId { get; init; }
    public int StatusCode { get; init; } = 500;
}
