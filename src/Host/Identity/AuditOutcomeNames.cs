using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Host.Identity;

/// <summary>The names of <see cref="AuditOutcome"/> as stored and sent (<c>"denied"</c>).</summary>
public static class AuditOutcomeNames
{
    /// <summary>"denied" for <see cref="AuditOutcome.Denied"/>.</summary>
    public static string ToName(this AuditOutcome outcome) => SnakeCaseEnumConverter<AuditOutcome>.ToStored(outcome);

    /// <summary>Parses a name exactly as stored (case-sensitive, as the API's filter always matched).</summary>
    public static bool TryParse(string? name, out AuditOutcome outcome)
    {
        foreach (var value in Enum.GetValues<AuditOutcome>())
        {
            if (string.Equals(value.ToName(), name, StringComparison.Ordinal))
            {
                outcome = value;
                return true;
            }
        }

        outcome = default;
        return false;
    }
}
