using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Host.FirstRun;
using Sleek.Workflows.Host.Persistence;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Host.Tests.Security;

namespace Sleek.Workflows.Host.Tests.FirstRun;

/// <summary>Automated deployments keep Auth__BootstrapToken: with it set no setup link is issued, and setup links are refused.</summary>
public sealed class SetupWithBootstrapTokenTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task With_a_bootstrap_token_no_setup_link_is_issued_and_the_status_says_to_use_the_token()
    {
        await using var kit = new SecurityKit(database);
        using var anonymous = kit.Anonymous("198.51.100.30");

        var status = await SleekApi.ExpectAsync(await anonymous.GetAsync(new Uri("/api/setup/status", UriKind.Relative)), HttpStatusCode.OK);
        Assert.True(status["setupNeeded"]!.GetValue<bool>());
        Assert.Equal("bootstrap_token", status["method"]!.GetValue<string>());
        await using (var db = kit.Service<SecurityDb>().CreateContext())
        {
            Assert.Empty(await db.SetupTokens.ToListAsync());
        }

        // Even a token issued by hand does not open setup while the bootstrap token is configured.
        var token = await kit.Service<SetupTokens>().IssueAsync("test", CancellationToken.None);
        using (var refused = await anonymous.PostAsJsonAsync("/api/setup/admin", new { token, email = "admin@example.com", password = "setup-password-12345" }))
        {
            var problem = await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden);
            Assert.Equal("Setup links are off", problem["title"]!.GetValue<string>());
            Assert.Contains("Auth__BootstrapToken", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // The bootstrap endpoint still makes the admin (the kit's admin client uses it); then setup is done.
        _ = kit.Admin;
        status = await SleekApi.ExpectAsync(await anonymous.GetAsync(new Uri("/api/setup/status", UriKind.Relative)), HttpStatusCode.OK);
        Assert.False(status["setupNeeded"]!.GetValue<bool>());
        using var done = await anonymous.PostAsJsonAsync("/api/setup/admin", new { token, email = "admin@example.com", password = "setup-password-12345" });
        await SleekApi.ExpectProblemAsync(done, HttpStatusCode.Conflict);
    }
}
