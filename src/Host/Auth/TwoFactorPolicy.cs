using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Auth;

/// <summary>Who must sign in with a second factor: admin and ops when <see cref="AuthOptions.RequireTwoFactorForStaff"/> is on.</summary>
internal static class TwoFactorPolicy
{
    /// <summary>True when the role must have two-factor sign-in.</summary>
    public static bool IsRequired(string role, AuthOptions options) => options.RequireTwoFactorForStaff && role is SleekRoles.Admin or SleekRoles.Ops;

    /// <summary>True when the user must enrol before getting a token.</summary>
    public static bool MustEnrol(UserAccount user, AuthOptions options) => IsRequired(user.Role, options) && !user.TwoFactorEnabled;
}
