using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.Endpoints.Auth;

/// <summary>Body of <c>POST /api/auth/refresh</c> and <c>/logout</c>.</summary>
/// <param name="RefreshToken">The refresh token of the last sign-in or refresh.</param>
internal sealed record RefreshBody(string? RefreshToken);

/// <summary>Body of <c>POST /api/auth/login/two-factor</c>: the challenge and a code from the authenticator, or a recovery code.</summary>
/// <param name="Challenge">From the sign-in answer.</param>
/// <param name="Code">Six digits from the authenticator app.</param>
/// <param name="RecoveryCode">One of the recovery codes, instead of a code.</param>
internal sealed record TwoFactorLoginBody(string? Challenge, string? Code, string? RecoveryCode);

/// <summary>Body of <c>POST /api/auth/two-factor/setup</c>.</summary>
/// <param name="Password">The account's password again.</param>
internal sealed record TwoFactorSetupBody(string? Password);

/// <summary>Body of <c>POST /api/auth/login/two-factor/setup</c>.</summary>
/// <param name="Challenge">From the sign-in answer (two_factor_enrolment_required).</param>
internal sealed record EnrolmentBody(string? Challenge);

/// <summary>Body of <c>POST /api/auth/two-factor/confirm</c> and <c>/login/two-factor/confirm</c>.</summary>
/// <param name="Code">Six digits from the authenticator app, for the new secret.</param>
/// <param name="Challenge">From the sign-in answer, when enrolling during sign-in.</param>
internal sealed record TwoFactorConfirmBody(string? Code, string? Challenge);

/// <summary>Two-factor is on: keep these codes somewhere safe; each signs in once without the authenticator.</summary>
/// <param name="RecoveryCodes">Ten codes, shown this once.</param>
/// <param name="SignIn">When enrolling during sign-in: the tokens of the new session.</param>
internal sealed record TwoFactorEnabledAnswer(IReadOnlyList<string> RecoveryCodes, SignInAnswer? SignIn);

/// <summary>Body of <c>POST /api/auth/password</c>.</summary>
/// <param name="CurrentPassword">The password now.</param>
/// <param name="NewPassword">12 to 128 characters.</param>
internal sealed record ChangePasswordBody(string? CurrentPassword, string? NewPassword);

/// <summary>Body of <c>POST /api/auth/password-reset</c>.</summary>
/// <param name="Email">The account's e-mail.</param>
internal sealed record PasswordResetRequestBody(string? Email);

/// <summary>Body of <c>POST /api/auth/password-reset/confirm</c>.</summary>
/// <param name="Token">The token from the e-mailed link.</param>
/// <param name="NewPassword">12 to 128 characters.</param>
internal sealed record PasswordResetBody(string? Token, string? NewPassword);

/// <summary>Answer of sign-out and of the password-reset steps: what happened, in words (a reset request gets the same whether or not the address has an account).</summary>
/// <param name="Message">What happened, or happens next.</param>
internal sealed record AccountMessage(string Message);
