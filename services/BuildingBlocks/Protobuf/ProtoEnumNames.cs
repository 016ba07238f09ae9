using System.Reflection;
using Google.Protobuf.Reflection;

namespace Accreditation.BuildingBlocks.Protobuf;

/// <summary>
/// Proto enum value names (ROLE_PRACTICE_SUPERVISOR) to and from the generated C# enums, through
/// the names protoc records on each value (<see cref="OriginalNameAttribute"/>).
/// </summary>
public static class ProtoEnumNames
{
    /// <summary>The value whose proto name is <paramref name="protoName"/> (case-insensitive), or null.</summary>
    public static T? TryParse<T>(string protoName)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(protoName);
        foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (string.Equals(field.GetCustomAttribute<OriginalNameAttribute>()?.Name, protoName.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return (T)field.GetValue(null)!;
            }
        }

        return null;
    }

    /// <summary>The value whose proto name is <paramref name="protoName"/>; FormatException when there is none.</summary>
    public static T Parse<T>(string protoName)
        where T : struct, Enum =>
        TryParse<T>(protoName) ?? throw new FormatException($"'{protoName}' is not a value of {typeof(T).Name}");

    /// <summary>The proto name of <paramref name="value"/> (its number when it has none).</summary>
    public static string NameOf<T>(T value)
        where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
