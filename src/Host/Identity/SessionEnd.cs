namespace Sleek.Workflows.Host.Identity;

/// <summary>Why a session (<see cref="AuthSession"/>) was revoked; stored as its snake_case name (<c>"signed_out"</c>).</summary>
public enum SessionEnd
{
    /// <summary>The user signed out.</summary>
    SignedOut,

    /// <summary>A refresh token of the family was used twice: someone else holds a copy.</summary>
    TokenReuse,

    /// <summary>The password was changed or reset.</summary>
    PasswordChanged,

    /// <summary>An admin disabled the account.</summary>
    Disabled,

    /// <summary>An admin deleted the account.</summary>
    Deleted,

    /// <summary>An admin reset the user's two-factor sign-in.</summary>
    TwoFactorReset,
}
