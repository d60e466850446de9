namespace Sleek.Workflows.Host.Auth;

/// <summary>A new two-factor secret: type it into an authenticator app, or open the URI (a QR code of it) there.</summary>
/// <param name="Secret">Base32, as authenticator apps take it.</param>
/// <param name="OtpauthUri">The <c>otpauth://totp/…</c> URI with issuer and account.</param>
internal sealed record TwoFactorSetup(string Secret, string OtpauthUri);
