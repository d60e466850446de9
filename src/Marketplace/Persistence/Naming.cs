using System.Text;

namespace Sleek.Workflows.Marketplace.Persistence;

/// <summary>snake_case for column names and stored enum values, as the engine names its columns.</summary>
internal static class Naming
{
    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
