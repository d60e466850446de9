using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OtpNet;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>What the account tests do through the API: sign in with every step, refresh, call as someone.</summary>
internal static class AccountSteps
{
    /// <summary>POST /api/auth/login; expects 200 and returns the answer (tokens, or a challenge).</summary>
    public static async Task<JsonObject> SignInAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        return (JsonObject)await SleekApi.ExpectAsync(response, HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    /// <summary>The status of GET <paramref name="path"/> with this bearer token.</summary>
    public static async Task<HttpStatusCode> StatusWithAsync(SecurityKit kit, string? token, string path)
    {
        using var client = kit.Anonymous().As(token);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    public static string Access(JsonObject answer) => answer["accessToken"]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"no access token in {answer.ToJsonString()}");

    public static string Refresh(JsonObject answer) => answer["refreshToken"]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"no refresh token in {answer.ToJsonString()}");

    /// <summary>The TOTP code of <paramref name="steps"/> 30-second steps from now (1: the next one, which the host accepts too).</summary>
    public static string Code(string base32Secret, int steps = 0) =>
        new Totp(Base32Encoding.ToBytes(base32Secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * steps));

    /// <summary>Enrols a signed-in user in two-factor sign-in; returns the secret and the recovery codes.</summary>
    public static async Task<(string Secret, List<string> RecoveryCodes)> EnrolAsync(HttpClient signedIn, string password)
    {
        var setup = await SleekApi.ExpectAsync(await signedIn.PostAsJsonAsync("/api/auth/two-factor/setup", new { password }), HttpStatusCode.OK);
        var secret = setup["secret"]!.GetValue<string>();
        var confirmed = await SleekApi.ExpectAsync(await signedIn.PostAsJsonAsync("/api/auth/two-factor/confirm", new { code = Code(secret) }), HttpStatusCode.OK);
        return (secret, [.. confirmed["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>())]);
    }
}
