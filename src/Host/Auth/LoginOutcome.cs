namespace Sleek.Workflows.Host.Auth;

/// <summary>How a sign-in ended.</summary>
internal enum LoginOutcome
{
    /// <summary>Signed in.</summary>
    Success,

    /// <summary>Unknown e-mail or wrong password.</summary>
    WrongCredentials,

    /// <summary>This failure locked the account.</summary>
    LockedNow,

    /// <summary>The account is locked.</summary>
    Locked,

    /// <summary>Right password, but the account awaits approval.</summary>
    Pending,

    /// <summary>Right password, but an admin disabled the account.</summary>
    Disabled,
}
