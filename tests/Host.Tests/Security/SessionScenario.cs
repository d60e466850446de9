using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Host.Persistence;
using Sleek.Workflows.Host.Tests.Infrastructure;
using static Sleek.Workflows.Host.Tests.Security.AccountSteps;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>Refresh tokens: issued with the access token, rotated on use, stored hashed; a reused one ends its family; sign-out ends it too.</summary>
public abstract class SessionScenario(TestDatabase database)
{
    [Fact]
    public async Task A_refresh_token_is_good_once_and_its_reuse_revokes_the_whole_family_and_is_audited()
    {
        await using var kit = new SecurityKit(database);
        var (_, id, email) = await kit.UserAsync("ops");
        var client = kit.Anonymous("10.4.0.1");
        var first = await SignInAsync(client, email, SecurityKit.Password);
        Assert.Equal("Bearer", first["tokenType"]!.GetValue<string>());
        Assert.Equal(14 * 24 * 3600, first["refreshExpiresIn"]!.GetValue<int>());

        var second = (System.Text.Json.Nodes.JsonObject)await SleekApi.ExpectAsync(await RefreshAsync(client, Refresh(first)), HttpStatusCode.OK);
        Assert.NotEqual(Refresh(first), Refresh(second));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(kit, Access(second), "/api/workflows"));
        var third = (System.Text.Json.Nodes.JsonObject)await SleekApi.ExpectAsync(await RefreshAsync(client, Refresh(second)), HttpStatusCode.OK);

        // The first token again: someone holds a copy. The whole family ends, the newest tokens too.
        await SleekApi.ExpectProblemAsync(await RefreshAsync(client, Refresh(first)), HttpStatusCode.Unauthorized);
        await SleekApi.ExpectProblemAsync(await RefreshAsync(client, Refresh(third)), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(kit, Access(third), "/api/workflows"));

        var reuse = Assert.Single(await kit.AuditAsync("action=auth.refresh_reuse"));
        Assert.StartsWith($"user={id} session=", reuse!["target"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("10.4.0.1", reuse["ip"]!.GetValue<string>());

        // A new sign-in is a new family, untouched.
        var fresh = await SignInAsync(client, email, SecurityKit.Password);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(client, Refresh(fresh))).StatusCode);
    }

    [Fact]
    public async Task Refresh_tokens_are_stored_only_as_hashes()
    {
        await using var kit = new SecurityKit(database);
        var (_, id, email) = await kit.UserAsync("buyer");
        var answer = await SignInAsync(kit.Anonymous(), email, SecurityKit.Password);
        var raw = Refresh(answer);
        Assert.StartsWith("rt_", raw, StringComparison.Ordinal);

        await using var db = kit.Service<SecurityDb>().CreateContext();
        var sessions = await db.Sessions.Where(s => s.UserId == Guid.Parse(id)).Select(s => s.Id).ToListAsync();
        var hashes = await db.RefreshTokens.Where(t => sessions.Contains(t.SessionId)).Select(t => t.Hash).ToListAsync();
        Assert.Contains(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(raw))).ToLowerInvariant(), hashes);
        Assert.DoesNotContain(hashes, h => h.Contains(raw[3..13], StringComparison.Ordinal));
        // Two sessions (the kit signed the user in once too), one token each, all 64 hex digits.
        Assert.Equal(2, hashes.Count);
        Assert.All(hashes, h => Assert.Matches("^[0-9a-f]{64}$", h));
    }

    [Fact]
    public async Task Sign_out_ends_that_session_and_its_access_token_at_once_and_leaves_other_sessions()
    {
        await using var kit = new SecurityKit(database);
        var (_, _, email) = await kit.UserAsync("supplier", (await kit.SupplierIdsAsync())[0].ToString());
        var laptop = await SignInAsync(kit.Anonymous(), email, SecurityKit.Password);
        var phone = await SignInAsync(kit.Anonymous(), email, SecurityKit.Password);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(kit, Access(laptop), "/api/orders"));

        using (var logout = await kit.Anonymous().PostAsJsonAsync("/api/auth/logout", new { refreshToken = Refresh(laptop) }))
        {
            Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(kit, Access(laptop), "/api/orders"));
        await SleekApi.ExpectProblemAsync(await RefreshAsync(kit.Anonymous(), Refresh(laptop)), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(kit, Access(phone), "/api/orders"));
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(kit.Anonymous(), Refresh(phone))).StatusCode);

        // Unknown tokens: the same 204, nothing to learn; no token at all: 400 naming it.
        Assert.Equal(HttpStatusCode.OK, (await kit.Anonymous().PostAsJsonAsync("/api/auth/logout", new { refreshToken = "rt_made-up" })).StatusCode);
        await SleekApi.ExpectProblemAsync(await kit.Anonymous().PostAsJsonAsync("/api/auth/logout", new { }), HttpStatusCode.BadRequest, "refreshToken");
        await SleekApi.ExpectProblemAsync(await RefreshAsync(kit.Anonymous(), "rt_made-up"), HttpStatusCode.Unauthorized);
        Assert.Single(await kit.AuditAsync("action=auth.logout"));
    }
}

public sealed class SessionOnPostgres(PostgresDatabase database) : SessionScenario(database), IClassFixture<PostgresDatabase>;

public sealed class SessionOnSqlite(SqliteDatabase database) : SessionScenario(database), IClassFixture<SqliteDatabase>;
