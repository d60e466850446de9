using Sleek.Workflows.Engine.Activities;

namespace Sleek.Workflows.Activities;

/// <summary>
/// The marketplace's activities (pricing, AI text, Stripe, email, rules, supplier assignment,
/// production stages). Every <c>[Activity]</c> class in this assembly is registered, so adding an
/// activity means adding one class.
/// </summary>
public static class SleekActivities
{
    /// <summary>Adds this assembly's activities to the engine's registry.</summary>
    public static ActivityRegistry AddSleekActivities(this ActivityRegistry registry) =>
        registry.AddFromAssembly(typeof(SleekActivities).Assembly);
}
