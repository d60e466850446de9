using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Endpoints.Users;

/// <summary>A user as the API shows it (never the hash).</summary>
internal sealed record UserDto(Guid Id, string Email, string? DisplayName, string Role, string? PartyId, string Status, DateTime CreatedAt, string CreatedBy, DateTime? LastLoginAt, DateTime? LockedUntil)
{
    public static UserDto From(UserAccount u) => new(u.Id, u.Email, u.DisplayName, u.Role, u.PartyId, u.Status.ToName(), u.CreatedAt, u.CreatedBy, u.LastLoginAt, u.LockedUntil);
}
