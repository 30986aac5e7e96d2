namespace StrategyLayer.Sandbox.Jira;

/// <summary>Which Jira is answering and in which API version: decides field shapes (ADF or wiki, accountId or name, parent or Epic Link).</summary>
internal sealed record JiraInstance(bool Cloud, int ApiVersion, string BaseUrl, TimeZoneInfo Zone)
{
    public const string CloudStoryPoints = "customfield_10016";
    public const string DataCenterStoryPoints = "customfield_10106";
    public const string DataCenterEpicLink = "customfield_10100";

    public string StoryPointsField => Cloud ? CloudStoryPoints : DataCenterStoryPoints;

    public string Self(string rest) => string.Concat(BaseUrl, "/rest/api/", ApiVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), "/", rest);
}
