using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>Bearer tokens: only a current token of this issuer, for this audience, signed with this key, of an existing user with their current security stamp and a live session, gets in.</summary>
public sealed class TokenTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Expired_tampered_wrong_audience_wrong_issuer_wrong_key_and_unsigned_tokens_get_401()
    {
        await using var kit = new SecurityKit(database);
        var valid = kit.Admin.DefaultRequestHeaders.Authorization!.Parameter!;
        Assert.Equal(HttpStatusCode.OK, await StatusWith(kit, valid));

        var now = DateTime.UtcNow;
        var key = Encoding.UTF8.GetBytes(TestAuth.SigningKey);
        // The admin's own claims (user, stamp, session), so each case differs from a good token in one thing only.
        var claims = new JsonWebToken(valid).Claims.Where(c => c.Type is "sub" or "role" or "name" or "stamp" or "sid").Select(c => new Claim(c.Type, c.Value)).ToList();
        var cases = new Dictionary<string, string>
        {
            ["expired"] = Token(key, "sleek-workflows", "sleek-workflows-api", now.AddMinutes(-30), now.AddMinutes(-5), claims),
            ["wrong audience"] = Token(key, "sleek-workflows", "someone-else", now.AddMinutes(-1), now.AddMinutes(10), claims),
            ["wrong issuer"] = Token(key, "evil-issuer", "sleek-workflows-api", now.AddMinutes(-1), now.AddMinutes(10), claims),
            ["wrong key"] = Token(Encoding.UTF8.GetBytes("another-key-of-enough-length-0123456789abcdef"), "sleek-workflows", "sleek-workflows-api", now.AddMinutes(-1), now.AddMinutes(10), claims),
            ["stale security stamp"] = Token(key, "sleek-workflows", "sleek-workflows-api", now.AddMinutes(-1), now.AddMinutes(10), [.. claims.Where(c => c.Type != "stamp"), new Claim("stamp", "0123456789abcdef0123456789abcdef")]),
            ["unknown user"] = Token(key, "sleek-workflows", "sleek-workflows-api", now.AddMinutes(-1), now.AddMinutes(10), [.. claims.Where(c => c.Type != "sub"), new Claim("sub", Guid.NewGuid().ToString())]),
            ["no session"] = Token(key, "sleek-workflows", "sleek-workflows-api", now.AddMinutes(-1), now.AddMinutes(10), [.. claims.Where(c => c.Type != "sid")]),
            ["tampered signature"] = valid[..^2] + (valid[^2] == 'A' ? "B" : "A") + valid[^1],
            ["tampered payload"] = TamperPayload(valid),
            ["unsigned (alg none)"] = Unsigned(now),
            ["garbage"] = "not.a.token",
        };
        foreach (var (name, token) in cases)
        {
            Assert.True(await StatusWith(kit, token) == HttpStatusCode.Unauthorized, $"{name} token was not refused");
        }

        // The same construction with the right parameters is accepted: the refusals above are about the one thing changed.
        var control = Token(key, "sleek-workflows", "sleek-workflows-api", now.AddMinutes(-1), now.AddMinutes(10), claims);
        Assert.Equal(HttpStatusCode.OK, await StatusWith(kit, control));
    }

    [Fact]
    public async Task A_signing_key_shorter_than_32_bytes_stops_start_up_naming_the_setting()
    {
        await using var kit = new SecurityKitFactory(database, new Dictionary<string, string> { ["Auth:SigningKey"] = "too-short" });
        var error = await Record.ExceptionAsync(() => Task.Run(kit.Start));
        Assert.NotNull(error);
        Assert.Contains("Auth:SigningKey", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> StatusWith(SecurityKit kit, string token)
    {
        using var client = kit.Anonymous().As(token);
        using var response = await client.GetAsync(new Uri("/api/users", UriKind.Relative));
        return response.StatusCode;
    }

    private static string Token(byte[] key, string issuer, string audience, DateTime notBefore, DateTime expires, IEnumerable<Claim> claims) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });

    private static string TamperPayload(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var changed = payload.Replace("admin@sleek.test", "other@sleek.test", StringComparison.Ordinal);
        Assert.NotEqual(payload, changed);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(changed)}.{parts[2]}";
    }

    private static string Unsigned(DateTime now)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var exp = new DateTimeOffset(now.AddMinutes(10)).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($$"""{"sub":"x","role":"admin","iss":"sleek-workflows","aud":"sleek-workflows-api","exp":{{exp}}}""");
        return $"{header}.{payload}.";
    }
}
