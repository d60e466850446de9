using System.Net.Mail;

namespace Sleek.Workflows.Host.Auth;

/// <summary>Checks of e-mails and passwords shared by register, bootstrap and user creation.</summary>
internal static class Credentials
{
    public const int MinPassword = 12;
    public const int MaxPassword = 128;

    /// <summary>Lower-cased trimmed e-mail, or null when it is not a plausible address of at most 255 characters.</summary>
    public static string? NormalizeEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 255)
        {
            return null;
        }

        var trimmed = email.Trim().ToLowerInvariant();
        return MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed && trimmed.Contains('.', StringComparison.Ordinal) ? trimmed : null;
    }

    /// <summary>Errors by field for an e-mail and password pair; empty when both are fine.</summary>
    public static Dictionary<string, string[]> Check(string? email, string? password)
    {
        var errors = new Dictionary<string, string[]>();
        if (NormalizeEmail(email) is null)
        {
            errors["email"] = ["must be a valid e-mail address of at most 255 characters"];
        }

        if (password is null || password.Length is < MinPassword or > MaxPassword)
        {
            errors["password"] = [$"must be {MinPassword} to {MaxPassword} characters"];
        }

        return errors;
    }
}
