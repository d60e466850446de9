using Sleek.Workflows.Host.Demo;
using Sleek.Workflows.Host.Setup;

namespace Sleek.Workflows.Host.FirstRun;

/// <summary>Registrations of the first minute: the one-time setup link, and the demo when asked for.</summary>
internal static class FirstRunServices
{
    public static void AddSleekFirstRun(this WebApplicationBuilder builder, SleekSettings settings)
    {
        builder.Services.AddSingleton<SetupTokens>();
        builder.Services.AddHostedService<FirstRunSetup>();
        builder.AddSleekDemo(settings);
    }
}
