namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// Answer of sign-in, bootstrap, refresh, the two-factor step and a password change. <c>status</c> says what it holds:
/// <c>signed_in</c> (the tokens), <c>two_factor_required</c> (a <c>challenge</c> for
/// <c>POST /api/auth/login/two-factor</c>) or <c>two_factor_enrolment_required</c> (a <c>challenge</c> for
/// <c>POST /api/auth/two-factor/setup</c> and <c>/confirm</c>: staff must enrol before they get a token).
/// </summary>
/// <param name="Status">signed_in, two_factor_required or two_factor_enrolment_required.</param>
/// <param name="AccessToken">The JWT; send it as <c>Authorization: Bearer …</c>.</param>
/// <param name="TokenType">Bearer.</param>
/// <param name="ExpiresIn">Seconds until the access token expires.</param>
/// <param name="RefreshToken">Exchange it at <c>POST /api/auth/refresh</c> for new tokens; good once.</param>
/// <param name="RefreshExpiresIn">Seconds until the refresh token expires.</param>
/// <param name="Role">The user's role.</param>
/// <param name="UserId">The user's id.</param>
/// <param name="Challenge">Proof of the password step, for the second step; short-lived.</param>
/// <param name="ChallengeExpiresIn">Seconds until the challenge expires.</param>
internal sealed record SignInAnswer(
    string Status,
    string? AccessToken,
    string? TokenType,
    int? ExpiresIn,
    string? RefreshToken,
    int? RefreshExpiresIn,
    string? Role,
    string? UserId,
    string? Challenge,
    int? ChallengeExpiresIn)
{
    public const string SignedInStatus = "signed_in";
    public const string TwoFactorRequiredStatus = "two_factor_required";
    public const string EnrolmentRequiredStatus = "two_factor_enrolment_required";

    public static SignInAnswer SignedIn(string accessToken, int expiresIn, string refreshToken, int refreshExpiresIn, string role, Guid userId) =>
        new(SignedInStatus, accessToken, "Bearer", expiresIn, refreshToken, refreshExpiresIn, role, userId.ToString(), null, null);

    public static SignInAnswer SecondStep(string status, string challenge, int expiresIn) =>
        new(status, null, null, null, null, null, null, null, challenge, expiresIn);
}
