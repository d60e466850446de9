using Sleek.Workflows.Engine.Activities;

namespace Sleek.Workflows.Activities.Tests;

/// <summary>
/// Which domain activities may run inside a request's transaction. A new activity that calls another system must not
/// claim <see cref="ActivityAttribute.InProcess"/>; this list makes that a decision someone reads in review.
/// </summary>
public sealed class InProcessActivitiesTests
{
    [Fact]
    public void Only_the_Stripe_and_AI_calls_leave_the_process()
    {
        var registry = new ActivityRegistry().AddSleekActivities();

        var callingOut = registry.All.Where(d => !d.InProcess).Select(d => d.Type).Order();

        Assert.Equal(["CreatePaymentIntent", "GenerateAiSuggestions"], callingOut);
    }
}
