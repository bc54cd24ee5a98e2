using System.Collections.Concurrent;
using CarteValoise.Grains;
using Orleans.Metadata;

namespace CarteValoise.Cloud.Migration;

/// <summary>
/// The CLR type of each grain state, as the grains declare it: the grain class Orleans maps the
/// grain id's type to, and its <c>[PersistentState(state, "carte")] IPersistentState&lt;T&gt;</c>
/// parameter. LiteDB keeps only bytes, and Orleans' binary format only names a type that differs
/// from the one expected, so this is the one place that knows what the bytes are.
/// </summary>
internal sealed class StateTypes(GrainClassMap grainClasses)
{
    private readonly ConcurrentDictionary<(GrainType, string), Type> _known = new();

    public Type For(GrainId grain, string stateName) =>
        _known.GetOrAdd((grain.Type, stateName), static (key, classes) => Find(classes, key.Item1, key.Item2), grainClasses);

    /// <summary>How the file names a type: full name and assembly, no version, so that a later build reads it.</summary>
    public static string Name(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    private static Type Find(GrainClassMap classes, GrainType grainType, string stateName)
    {
        if (!classes.TryGetGrainClass(grainType, out var grainClass))
            throw new MigrationFailure(MigrationExitCodes.CorruptFile,
                $"Aucune classe de grain ne porte le type « {grainType} » dans cette version de CarteValoise : ses états ne peuvent pas être déplacés.");

        var stateTypes = grainClass.GetConstructors()
            .SelectMany(constructor => constructor.GetParameters())
            .Where(parameter => parameter.GetCustomAttributes(typeof(PersistentStateAttribute), inherit: false)
                .OfType<PersistentStateAttribute>()
                .Any(attribute => attribute.StateName == stateName && attribute.StorageName == GrainKeys.StorageName))
            .Select(parameter => parameter.ParameterType)
            .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IPersistentState<>))
            .Select(type => type.GetGenericArguments()[0])
            .Distinct()
            .ToList();
        return stateTypes.Count == 1
            ? stateTypes[0]
            : throw new MigrationFailure(MigrationExitCodes.CorruptFile,
                $"Le grain {grainClass.Name} ({grainType}) ne déclare pas un et un seul état « {stateName} » dans le stockage « {GrainKeys.StorageName} » : ses états ne peuvent pas être déplacés.");
    }
}
