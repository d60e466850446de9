namespace Sleek.Workflows.Host.Identity;

/// <summary>Values of <see cref="UserAccount.Status"/>.</summary>
public static class UserStatuses
{
    /// <summary>May sign in.</summary>
    public const string Active = "active";

    /// <summary>Registered, waiting for an admin's approval; cannot sign in.</summary>
    public const string Pending = "pending";
}
