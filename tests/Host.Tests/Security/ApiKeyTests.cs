using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>API keys: shown once, stored hashed, scoped, usable in either header, revocable, last use recorded.</summary>
public sealed class ApiKeyTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Key_is_shown_once_works_in_both_headers_within_its_scopes_and_is_refused_once_revoked()
    {
        await using var kit = new SecurityKit(database);
        var (key, id) = await kit.ApiKeyAsync(["instances:read"]);
        Assert.StartsWith("sk_", key, StringComparison.Ordinal);

        var listed = (await SleekApi.ExpectAsync(await kit.Admin.GetAsync(new Uri("/api/api-keys", UriKind.Relative)), HttpStatusCode.OK)).AsArray();
        var row = Assert.Single(listed, k => k!["id"]!.GetValue<string>() == id)!;
        Assert.DoesNotContain(key, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(key.Split('_')[1], row["prefix"]!.GetValue<string>());
        Assert.Null(row["lastUsedAt"]?.GetValue<DateTime?>());

        using var header = kit.WithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await header.GetAsync(new Uri("/api/instances", UriKind.Relative))).StatusCode);
        using var authorization = kit.Anonymous();
        authorization.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        Assert.Equal(HttpStatusCode.OK, (await authorization.GetAsync(new Uri("/api/instances", UriKind.Relative))).StatusCode);

        // Outside its scope: 403; never a role's endpoint.
        Assert.Equal(HttpStatusCode.Forbidden, (await header.PostAsync(new Uri("/api/events/x", UriKind.Relative), JsonContent("""{"correlationId":"c"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await header.GetAsync(new Uri("/api/workflows", UriKind.Relative))).StatusCode);

        // Last use is recorded in the background (never holding up the request).
        await Eventually.UntilAsync(
            async () => (await SleekApi.ExpectAsync(await kit.Admin.GetAsync(new Uri("/api/api-keys", UriKind.Relative)), HttpStatusCode.OK)).AsArray().Single(k => k!["id"]!.GetValue<string>() == id)!,
            k => k["lastUsedAt"] is not null,
            "the key's last use to be recorded");

        // A wrong secret with a real prefix, and a made-up key: 401.
        using var forged = kit.WithKey(key[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync(new Uri("/api/instances", UriKind.Relative))).StatusCode);
        using var garbage = kit.WithKey("sk_nothing");
        Assert.Equal(HttpStatusCode.Unauthorized, (await garbage.GetAsync(new Uri("/api/instances", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await kit.Admin.DeleteAsync(new Uri($"/api/api-keys/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await header.GetAsync(new Uri("/api/instances", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await authorization.GetAsync(new Uri("/api/instances", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kit.Admin.DeleteAsync(new Uri($"/api/api-keys/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);

        var audit = await kit.AuditAsync("action=POST /api/api-keys");
        Assert.Contains(audit, e => e!["target"]!.GetValue<string>().Contains(id, StringComparison.Ordinal));
        Assert.DoesNotContain(key, audit.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_scopes_and_half_bound_parties_are_refused_naming_the_field()
    {
        await using var kit = new SecurityKit(database);
        using var bad = await kit.Admin.PostAsync(new Uri("/api/api-keys", UriKind.Relative), JsonContent("""{"name":"x","scopes":["everything"],"partyRole":"supplier"}"""));
        await SleekApi.ExpectProblemAsync(bad, HttpStatusCode.BadRequest, "scopes", "partyId");
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
