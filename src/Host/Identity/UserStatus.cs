namespace Sleek.Workflows.Host.Identity;

/// <summary>
/// Whether a user may sign in (<see cref="UserAccount.Status"/>). Stored, and shown by the API, as its snake_case
/// name (<c>"active"</c>, <c>"pending"</c>; see <see cref="UserStatusNames"/>).
/// </summary>
public enum UserStatus
{
    /// <summary>May sign in.</summary>
    Active,

    /// <summary>Registered, waiting for an admin's approval; cannot sign in.</summary>
    Pending,
}
