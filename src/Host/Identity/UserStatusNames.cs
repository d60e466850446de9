using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Host.Identity;

/// <summary>The names of <see cref="UserStatus"/> as stored and sent (<c>"pending"</c>).</summary>
public static class UserStatusNames
{
    /// <summary>"pending" for <see cref="UserStatus.Pending"/>.</summary>
    public static string ToName(this UserStatus status) => SnakeCaseEnumConverter<UserStatus>.ToStored(status);

    /// <summary>Parses a name exactly as stored (case-sensitive, as the API's filters always matched).</summary>
    public static bool TryParse(string? name, out UserStatus status)
    {
        foreach (var value in Enum.GetValues<UserStatus>())
        {
            if (string.Equals(value.ToName(), name, StringComparison.Ordinal))
            {
                status = value;
                return true;
            }
        }

        status = default;
        return false;
    }
}
