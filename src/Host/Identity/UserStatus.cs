namespace Sleek.Workflows.Host.Identity;

/// <summary>
/// Whether a user may sign in (<see cref="UserAccount.Status"/>). Stored, and shown by the API, as its snake_case
/// name (<c>"active"</c>, <c>"pending"</c>, <c>"disabled"</c>, <c>"deleted"</c>; see <see cref="UserStatusNames"/>).
/// </summary>
public enum UserStatus
{
    /// <summary>May sign in.</summary>
    Active,

    /// <summary>Registered, waiting for an admin's approval; cannot sign in.</summary>
    Pending,

    /// <summary>Turned off by an admin: cannot sign in, tokens refused at once; an admin may enable it again.</summary>
    Disabled,

    /// <summary>Deleted by an admin: anonymised (e-mail, name, password, two-factor gone); the row stays for the records that name its id.</summary>
    Deleted,
}
