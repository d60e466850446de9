using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>
/// User statuses and audit outcomes are enums now, stored by the one snake_case converter: the stored text (and what
/// the API shows) must stay what the rows already hold, and the API's filters keep matching exactly.
/// </summary>
public sealed class SecurityStatusNamesTests
{
    [Theory]
    [InlineData(UserStatus.Active, "active")]
    [InlineData(UserStatus.Pending, "pending")]
    [InlineData(UserStatus.Disabled, "disabled")]
    [InlineData(UserStatus.Deleted, "deleted")]
    public void A_user_status_is_stored_and_shown_as_before(UserStatus status, string text)
    {
        Assert.Equal(text, SnakeCaseEnumConverter<UserStatus>.ToStored(status));
        Assert.Equal(text, status.ToName());
        Assert.Equal(status, SnakeCaseEnumConverter<UserStatus>.FromStored(text));
        Assert.True(UserStatusNames.TryParse(text, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Theory]
    [InlineData(AuditOutcome.Success, "success")]
    [InlineData(AuditOutcome.Failure, "failure")]
    [InlineData(AuditOutcome.Denied, "denied")]
    [InlineData(AuditOutcome.Limited, "limited")]
    public void An_audit_outcome_is_stored_and_shown_as_before(AuditOutcome outcome, string text)
    {
        Assert.Equal(text, SnakeCaseEnumConverter<AuditOutcome>.ToStored(outcome));
        Assert.Equal(text, outcome.ToName());
        Assert.Equal(outcome, SnakeCaseEnumConverter<AuditOutcome>.FromStored(text));
        Assert.True(AuditOutcomeNames.TryParse(text, out var parsed));
        Assert.Equal(outcome, parsed);
    }

    [Theory]
    [InlineData("Active")]
    [InlineData("ACTIVE")]
    [InlineData(" active")]
    [InlineData("")]
    [InlineData(null)]
    public void The_user_status_filter_matches_exactly_as_before(string? text) =>
        Assert.False(UserStatusNames.TryParse(text, out _));

    [Theory]
    [InlineData("Denied")]
    [InlineData("deny")]
    [InlineData("")]
    public void The_audit_outcome_filter_refuses_what_it_refused_before(string text) =>
        Assert.False(AuditOutcomeNames.TryParse(text, out _));
}
