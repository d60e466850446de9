using System.Globalization;
using System.Xml;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>Reads a duration written as ISO 8601 (<c>PT5M</c>, <c>P2D</c>) or <c>[d.]hh:mm:ss</c>.</summary>
internal static class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.StartsWith('P'))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                return false;
            }
        }
        else if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration))
        {
            return false;
        }

        return duration >= TimeSpan.Zero;
    }
}
