using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Auth;

/// <summary>What an admin's change of a user came to: the user as changed, or not found, or a conflict saying why not.</summary>
/// <param name="User">The user after the change.</param>
/// <param name="Before">What it was before (for the audit entry), e.g. the old role.</param>
/// <param name="NotFound">No user has that id.</param>
/// <param name="Conflict">Why the change cannot be made in the user's state.</param>
internal sealed record UserChange(UserAccount? User, string? Before, bool NotFound, string? Conflict)
{
    public static readonly UserChange Missing = new(null, null, true, null);

    public static UserChange Refused(string conflict) => new(null, null, false, conflict);

    public static UserChange Done(UserAccount user, string? before = null) => new(user, before, false, null);
}
