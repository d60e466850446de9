using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// What follows a right password: a second step for users with two-factor, enrolment for staff who must have it
/// (<see cref="AuthOptions.RequireTwoFactorForStaff"/>) and do not yet, else a new session with its tokens.
/// </summary>
internal sealed class SignInFlow(Sessions sessions, TwoFactorChallenges challenges, AuthOptions options)
{
    public async Task<SignInAnswer> AfterPasswordAsync(UserAccount user, HttpContext http, CancellationToken cancellationToken)
    {
        if (user.TwoFactorEnabled)
        {
            var (challenge, seconds) = challenges.Issue(user, TwoFactorChallenges.LoginPurpose);
            return SignInAnswer.SecondStep(SignInAnswer.TwoFactorRequiredStatus, challenge, seconds);
        }

        if (TwoFactorPolicy.MustEnrol(user, options))
        {
            var (challenge, seconds) = challenges.Issue(user, TwoFactorChallenges.EnrolPurpose);
            return SignInAnswer.SecondStep(SignInAnswer.EnrolmentRequiredStatus, challenge, seconds);
        }

        return await sessions.StartAsync(user, ClientAddress.Of(http), cancellationToken);
    }
}
