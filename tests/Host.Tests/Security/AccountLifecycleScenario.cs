using System.Net;
using System.Net.Http.Json;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Host.Tests.Marketplace;
using static Sleek.Workflows.Host.Tests.Security.AccountSteps;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>
/// An admin's changes to users take effect at once (issue 13, finding 7): a demoted, disabled or deleted user's token
/// is refused on the next request, not 15 minutes later; delete anonymises; the last admin stays; every change is audited.
/// </summary>
public abstract class AccountLifecycleScenario(TestDatabase database)
{
    [Fact]
    public async Task A_demoted_user_s_token_is_refused_at_once_and_a_refresh_gives_a_token_of_the_new_role()
    {
        await using var kit = new SecurityKit(database);
        var (_, id, email) = await kit.UserAsync("ops");
        var signedIn = await SignInAsync(kit.Anonymous(), email, SecurityKit.Password);
        Assert.Equal("signed_in", signedIn["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(kit, Access(signedIn), "/api/workflows"));

        var demoted = await SleekApi.ExpectAsync(await kit.Admin.PutAsJsonAsync($"/api/users/{id}/role", new { role = "buyer" }), HttpStatusCode.OK);
        Assert.Equal("buyer", demoted["role"]!.GetValue<string>());

        // The very next request with the ops token: refused, not served for the rest of its 15 minutes.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(kit, Access(signedIn), "/api/workflows"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(kit, Access(signedIn), "/api/orders"));

        // The session goes on with the new role.
        using var refreshed = await RefreshAsync(kit.Anonymous(), Refresh(signedIn));
        var buyer = await SleekApi.ExpectAsync(refreshed, HttpStatusCode.OK);
        Assert.Equal("buyer", buyer["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, await StatusWithAsync(kit, Access((System.Text.Json.Nodes.JsonObject)buyer), "/api/workflows"));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(kit, Access((System.Text.Json.Nodes.JsonObject)buyer), "/api/orders"));

        var changes = await kit.AuditAsync("action=" + Uri.EscapeDataString("PUT /api/users/{id:guid}/role"));
        Assert.Contains(changes, e => e!["target"]!.GetValue<string>() == $"user={id} role buyer; was role=ops status=active" && e["actor"]!.GetValue<string>() != "anonymous");
        Assert.Contains(await kit.AuditAsync("action=auth.token_refused"), e => e!["target"]!.GetValue<string>() == $"user={id}");
    }

    [Fact]
    public async Task A_disabled_user_is_refused_at_once_everywhere_and_an_enabled_one_signs_in_again()
    {
        await using var kit = new SecurityKit(database);
        var (_, id, email) = await kit.UserAsync("rule_author");
        var signedIn = await SignInAsync(kit.Anonymous(), email, SecurityKit.Password);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(kit, Access(signedIn), "/api/rules"));

        var disabled = await SleekApi.ExpectAsync(await kit.Admin.PostAsync(new Uri($"/api/users/{id}/disable", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.Equal("disabled", disabled["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(kit, Access(signedIn), "/api/rules"));
        await SleekApi.ExpectProblemAsync(await RefreshAsync(kit.Anonymous(), Refresh(signedIn)), HttpStatusCode.Unauthorized);
        using (var login = await kit.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = SecurityKit.Password }))
        {
            Assert.Equal("Account disabled", (await SleekApi.ExpectProblemAsync(login, HttpStatusCode.Forbidden))["title"]!.GetValue<string>());
        }

        await SleekApi.ExpectAsync(await kit.Admin.PostAsync(new Uri($"/api/users/{id}/enable", UriKind.Relative), null), HttpStatusCode.OK);
        // Disabling ended the sessions: the old refresh token stays dead, a new sign-in works.
        await SleekApi.ExpectProblemAsync(await RefreshAsync(kit.Anonymous(), Refresh(signedIn)), HttpStatusCode.Unauthorized);
        var again = await SignInAsync(kit.Anonymous(), email, SecurityKit.Password);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(kit, Access(again), "/api/rules"));

        Assert.Single(await kit.AuditAsync("action=" + Uri.EscapeDataString("POST /api/users/{id:guid}/disable") + "&outcome=success"));
        Assert.Single(await kit.AuditAsync("action=" + Uri.EscapeDataString("POST /api/users/{id:guid}/enable") + "&outcome=success"));
    }

    [Fact]
    public async Task A_deleted_buyer_is_anonymised_its_token_refused_its_quote_kept_and_its_email_free_again()
    {
        await using var kit = new SecurityKit(database, workflows: folder => folder.With(SpineDefinitions.MiniSpine()));
        var (buyer, id, email) = await kit.UserAsync("buyer");
        var signedIn = await SignInAsync(kit.Anonymous(), email, SecurityKit.Password);
        var quote = await SleekApi.ExpectAsync(await buyer.PostAsJsonAsync("/api/quotes", new { productType = "t_shirt", quantity = 150, email }), HttpStatusCode.Created);
        var quoteId = quote["id"]!.GetValue<string>();

        var deleted = await SleekApi.ExpectAsync(await kit.Admin.DeleteAsync(new Uri($"/api/users/{id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("deleted", deleted["status"]!.GetValue<string>());
        Assert.Equal($"deleted-{Guid.Parse(id):N}@deleted.invalid", deleted["email"]!.GetValue<string>());
        Assert.Null(deleted["displayName"]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await buyer.GetAsync(new Uri($"/api/quotes/{quoteId}", UriKind.Relative))).StatusCode);
        await SleekApi.ExpectProblemAsync(await RefreshAsync(kit.Anonymous(), Refresh(signedIn)), HttpStatusCode.Unauthorized);
        await SleekApi.ExpectProblemAsync(await kit.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = SecurityKit.Password }), HttpStatusCode.Unauthorized);

        // The quote is a business record: kept, still naming the user's id.
        var kept = await SleekApi.ExpectAsync(await kit.Admin.GetAsync(new Uri($"/api/quotes/{quoteId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(quoteId, kept["id"]!.GetValue<string>());

        // The address may register again, as a new account.
        var again = await SleekApi.ExpectAsync(await kit.Anonymous("10.7.0.1").PostAsJsonAsync("/api/auth/register", new { email, password = SecurityKit.Password, role = "buyer" }), HttpStatusCode.Created);
        Assert.NotEqual(id, again["id"]!.GetValue<string>());
        await SleekApi.ExpectProblemAsync(await kit.Admin.DeleteAsync(new Uri($"/api/users/{id}", UriKind.Relative)), HttpStatusCode.Conflict);
        Assert.Single(await kit.AuditAsync("action=" + Uri.EscapeDataString("DELETE /api/users/{id:guid}") + "&outcome=success"));
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_disabled_demoted_or_deleted()
    {
        await using var kit = new SecurityKit(database);
        var me = (await SleekApi.ExpectAsync(await kit.Admin.GetAsync(new Uri("/api/users?role=admin", UriKind.Relative)), HttpStatusCode.OK))["items"]!.AsArray()
            .Single(u => u!["email"]!.GetValue<string>() == TestAuth.AdminEmail)!["id"]!.GetValue<string>();
        var others = (await SleekApi.ExpectAsync(await kit.Admin.GetAsync(new Uri("/api/users?role=admin&status=active", UriKind.Relative)), HttpStatusCode.OK))["items"]!.AsArray().Count;
        Assert.Equal(1, others);

        await SleekApi.ExpectProblemAsync(await kit.Admin.PostAsync(new Uri($"/api/users/{me}/disable", UriKind.Relative), null), HttpStatusCode.Conflict);
        await SleekApi.ExpectProblemAsync(await kit.Admin.PutAsJsonAsync($"/api/users/{me}/role", new { role = "ops" }), HttpStatusCode.Conflict);
        await SleekApi.ExpectProblemAsync(await kit.Admin.DeleteAsync(new Uri($"/api/users/{me}", UriKind.Relative)), HttpStatusCode.Conflict);
        await SleekApi.ExpectProblemAsync(await kit.Admin.PutAsJsonAsync($"/api/users/{me}/role", new { role = "wizard" }), HttpStatusCode.BadRequest, "role");
        await SleekApi.ExpectProblemAsync(await kit.Admin.PostAsync(new Uri($"/api/users/{Guid.NewGuid()}/disable", UriKind.Relative), null), HttpStatusCode.NotFound);

        // Still an admin, still signed in.
        Assert.Equal(HttpStatusCode.OK, (await kit.Admin.GetAsync(new Uri("/api/users", UriKind.Relative))).StatusCode);
    }
}

public sealed class AccountLifecycleOnPostgres(PostgresDatabase database) : AccountLifecycleScenario(database), IClassFixture<PostgresDatabase>;

public sealed class AccountLifecycleOnSqlite(SqliteDatabase database) : AccountLifecycleScenario(database), IClassFixture<SqliteDatabase>;

/// <summary>Several hosts on one PostgreSQL: a change made through one is in force on the others within their stamp cache time.</summary>
public sealed class AccountLifecycleAcrossHostsOnPostgres(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task On_another_host_a_demotion_takes_effect_within_its_stamp_cache_time()
    {
        var fast = new Dictionary<string, string> { ["Auth:SecurityStampCacheSeconds"] = "1" };
        await using var first = new SecurityKit(database, fast);
        await using var second = new SecurityKit(database, fast);
        var (_, id, email) = await first.UserAsync("ops");
        var token = Access(await SignInAsync(first.Anonymous(), email, SecurityKit.Password));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(second, token, "/api/workflows"));

        await SleekApi.ExpectAsync(await first.Admin.PutAsJsonAsync($"/api/users/{id}/role", new { role = "rule_author" }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(first, token, "/api/workflows"));
        // The second host read the user a moment ago; its entry runs out within a second.
        await Eventually.UntilAsync(() => StatusWithAsync(second, token, "/api/workflows"), s => s == HttpStatusCode.Unauthorized, "the second host to refuse the demoted user's token");
    }
}
