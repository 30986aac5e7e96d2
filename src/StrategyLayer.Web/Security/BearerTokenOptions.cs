using Microsoft.AspNetCore.Authentication;

namespace StrategyLayer.Web.Security;

internal sealed class BearerTokenOptions : AuthenticationSchemeOptions
{
    public string? Token { get; set; }
}
