using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// snake_case names for columns and stored enum values (<c>ConsumedAt</c> → <c>consumed_at</c>,
/// <c>AssignedToSupplier</c> → <c>assigned_to_supplier</c>): hand-written SQL reads naturally and a stored value
/// does not depend on how the C# member is cased. Shared by every context of the database.
/// </summary>
public static class SnakeCase
{
    /// <summary>The snake_case form of a PascalCase name: an underscore before each upper-case letter but the first, all lower case.</summary>
    public static string Of(string name)
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

    /// <summary>Names every column of the model after its property in snake_case. Call at the end of <c>OnModelCreating</c>.</summary>
    public static void ApplyToColumns(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(Of(property.Name));
            }
        }
    }
}
