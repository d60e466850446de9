namespace Sleek.Workflows.Host.Auth;

/// <summary>Answer of login and bootstrap.</summary>
/// <param name="AccessTokenValue">The JWT; send it as <c>Authorization: Bearer …</c>.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Seconds until it expires.</param>
/// <param name="Role">The user's role.</param>
/// <param name="UserId">The user's id.</param>
internal sealed record AccessToken(
    [property: System.Text.Json.Serialization.JsonPropertyName("accessToken")] string AccessTokenValue,
    string TokenType,
    int ExpiresIn,
    string Role,
    string UserId);
