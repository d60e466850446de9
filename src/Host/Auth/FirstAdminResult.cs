using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Auth;

/// <summary>How an attempt to create the first admin ended (<see cref="Accounts.CreateFirstAdminAsync(string, string, string?, string, Func{Persistence.SecurityDbContext, CancellationToken, Task{string?}}?, CancellationToken)"/>).</summary>
internal enum FirstAdminOutcome
{
    /// <summary>The admin was created.</summary>
    Created,

    /// <summary>An admin exists already: first-admin creation is closed.</summary>
    AdminExists,

    /// <summary>The caller's own check refused (a setup token that is unknown, expired or used).</summary>
    NotAdmitted,

    /// <summary>Another account has this e-mail.</summary>
    EmailTaken,
}

/// <summary>The admin created, or the outcome and a sentence saying why not.</summary>
internal sealed record FirstAdminResult(UserAccount? User, FirstAdminOutcome Outcome, string? Refusal);
