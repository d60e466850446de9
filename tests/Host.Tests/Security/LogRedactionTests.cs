using Microsoft.AspNetCore.Http;
using Serilog.Events;
using Serilog.Parsing;
using Sleek.Workflows.Host.Hardening;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>Credentials never reach the log: named properties are masked, bookmark tokens are cut out of request paths.</summary>
public sealed class LogRedactionTests
{
    [Fact]
    public void Properties_named_like_credentials_are_replaced_whatever_their_value()
    {
        var properties = new[] { "Authorization", "X-Api-Key", "Password", "AccessToken", "BootstrapToken", "SigningKey", "ClientSecret", "Cookie", "Email", "Path" }
            .Select(name => new LogEventProperty(name, new ScalarValue("secret-value")));
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("x"), properties);
        new SecretRedactionEnricher().Enrich(logEvent, null!);

        foreach (var name in new[] { "Authorization", "X-Api-Key", "Password", "AccessToken", "BootstrapToken", "SigningKey", "ClientSecret", "Cookie" })
        {
            Assert.Equal("\"***\"", logEvent.Properties[name].ToString());
        }

        Assert.Equal("\"secret-value\"", logEvent.Properties["Email"].ToString());
        Assert.Equal("\"secret-value\"", logEvent.Properties["Path"].ToString());
    }

    [Fact]
    public void A_bookmark_token_in_the_request_path_is_masked()
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.RouteValues["token"] = "tok_abcdefghijklmnopqrstuvwxyz";
        var properties = RequestLogRedaction.Properties(http, "/api/bookmarks/tok_abcdefghijklmnopqrstuvwxyz/resume", 12.5, 200).ToDictionary(p => p.Name, p => p.Value.ToString());
        Assert.Equal("\"/api/bookmarks/***/resume\"", properties["RequestPath"]);
        Assert.Equal("200", properties["StatusCode"]);
    }
}
