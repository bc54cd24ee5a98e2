using System.Text.Json;
using System.Text.Json.Serialization;

namespace CarteValoise.Domain.Demarches;

/// <summary>
/// The JSON file of a definition (export, import, and how versions are kept): camelCase property
/// names, enums as camelCase strings, optional properties omitted when null and given the record's
/// default when absent. Read by hand rather than by the serializer so that an administrator who
/// imports a file told «texte» is not a kind reads where, in French, instead of a JSON path.
/// </summary>
public static class DefinitionFile
{
    private static readonly JsonSerializerOptions Writing = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        // Accents as they are: the file is read and edited by people.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads and checks a file: <see cref="InvalidDemarcheException"/> (field «definition») for malformed JSON or a definition that does not hold.</summary>
    public static DemarcheDefinition Parse(string json)
    {
        var definition = Read(json);
        InvalidDemarcheException.ThrowIfAny(DefinitionChecks.Problems(definition));
        return definition;
    }

    /// <summary>Reads a file's shape only (JSON, properties, kinds), without <see cref="DefinitionChecks"/>: for an editor that shows every problem of a draft.</summary>
    public static DemarcheDefinition Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) throw Invalid("Le fichier est vide : il doit décrire une démarche en JSON.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            var line = (error.LineNumber ?? 0) + 1;
            var column = (error.BytePositionInLine ?? 0) + 1;
            throw Invalid($"Le fichier n'est pas un JSON lisible (ligne {line}) : une virgule, un guillemet, un crochet ou une accolade manque ou est en trop vers la colonne {column}.");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw Invalid("Le fichier ne décrit pas une démarche : il doit contenir un objet JSON { … }.");
            return DefinitionReader.Definition(new Node(document.RootElement, "La démarche"));
        }
    }

    public static string Write(DemarcheDefinition definition) => JsonSerializer.Serialize(definition, Writing);

    internal static InvalidDemarcheException Invalid(string message) =>
        new([new DemarcheProblem(DefinitionChecks.Field, message)]);
}

/// <summary>Builds the records from the JSON tree, each missing or wrong property told where it is.</summary>
internal static class DefinitionReader
{
    public static DemarcheDefinition Definition(Node node) => new(
        node.Text("id"),
        node.OptionalInt("version") ?? 1,
        node.Text("title"),
        node.OptionalText("summary") ?? "",
        node.OptionalText("category") ?? "",
        node.List("pages", (item, index) => Page(item, index)),
        Workflow(node.Object("workflow", "Le workflow")),
        node.OptionalList("templates", (item, index) => Template(item, index)) ?? [],
        node.OptionalInt("processingDays") ?? 0);

    private static FormPage Page(JsonElement element, int index)
    {
        var id = Node.IdOf(element);
        var page = new Node(element, id is null ? $"La page n°{index + 1}" : $"La page « {id} »");
        return new FormPage(
            page.Text("id"),
            page.Text("title"),
            page.OptionalText("help") ?? "",
            page.OptionalObject("condition", page.Where + " : la condition") is { } condition ? Condition(condition) : null,
            page.List("fields", (item, fieldIndex) => Field(item, fieldIndex, page.Where + " : ")));
    }

    private static FormField Field(JsonElement element, int index, string within)
    {
        var id = Node.IdOf(element);
        var field = new Node(element, within + (id is null ? $"le champ n°{index + 1}" : $"le champ « {id} »"));
        return new FormField(
            field.Text("id"),
            field.Text("label"),
            field.Enum<FieldKind>("kind", "a un type inconnu"),
            field.OptionalBool("required") ?? false,
            field.OptionalText("help") ?? "",
            field.OptionalList("options", (item, optionIndex) => Option(item, optionIndex, field.Where)),
            field.OptionalObject("rule", field.Where + " : la règle") is { } rule ? Rule(rule) : null,
            field.OptionalObject("condition", field.Where + " : la condition") is { } condition ? Condition(condition) : null,
            field.OptionalText("prefill"),
            field.OptionalText("documentType"),
            field.OptionalList("fields", (item, innerIndex) => Field(item, innerIndex, field.Where + " : ")),
            field.OptionalInt("minItems") ?? 0,
            field.OptionalInt("maxItems") ?? 10);
    }

    private static ChoiceOption Option(JsonElement element, int index, string within)
    {
        var option = new Node(element, $"{within} : l'option n°{index + 1}");
        return new ChoiceOption(option.Text("value"), option.Text("label"));
    }

    private static FieldRule Rule(Node rule) => new(
        rule.OptionalDecimal("min"),
        rule.OptionalDecimal("max"),
        rule.OptionalInt("minLength"),
        rule.OptionalInt("maxLength"),
        rule.OptionalText("pattern"),
        rule.OptionalText("patternMessage"),
        rule.OptionalInt("minDays"),
        rule.OptionalInt("maxDays"));

    private static FieldCondition Condition(Node condition) => new(
        condition.Text("fieldId"),
        condition.Enum<ConditionOperator>("operator", "a un opérateur inconnu"),
        condition.OptionalList("values", (item, index) => Node.TextItem(item, index, condition.Where + " : « values »")));

    private static Workflow Workflow(Node workflow) => new(
        workflow.Text("initial"),
        workflow.List("states", (item, index) => State(item, index)),
        workflow.List("moves", (item, index) => Move(item, index)));

    private static WorkflowState State(JsonElement element, int index)
    {
        var id = Node.IdOf(element);
        var state = new Node(element, id is null ? $"L'état n°{index + 1}" : $"L'état « {id} »");
        return new WorkflowState(
            state.Text("id"),
            state.Text("label"),
            state.Enum<StateKind>("kind", "a un type inconnu"),
            state.OptionalInt("deadlineDays"));
    }

    private static WorkflowMove Move(JsonElement element, int index)
    {
        var id = Node.IdOf(element);
        var move = new Node(element, id is null ? $"Le mouvement n°{index + 1}" : $"Le mouvement « {id} »");
        return new WorkflowMove(
            move.Text("id"),
            move.Text("label"),
            move.List("from", (item, fromIndex) => Node.TextItem(item, fromIndex, move.Where + " : « from »")),
            move.Text("to"),
            move.List("actors", (item, _) => Node.EnumItem<Actor>(item, move.Where, "a un acteur inconnu")),
            move.OptionalBool("requiresReason") ?? false,
            move.OptionalEnum<MoveNotice>("notice", "a un avis inconnu") ?? MoveNotice.None,
            move.OptionalText("noticeText") ?? "",
            move.OptionalText("template"));
    }

    private static DocumentTemplate Template(JsonElement element, int index)
    {
        var id = Node.IdOf(element);
        var template = new Node(element, id is null ? $"Le modèle n°{index + 1}" : $"Le modèle « {id} »");
        return new DocumentTemplate(template.Text("id"), template.Text("title"), template.Text("body"));
    }
}

/// <summary>A JSON object and how a message names it («La page « demandeur » : le champ « nom »»).</summary>
internal readonly record struct Node(JsonElement Element, string Where)
{
    public static string? IdOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && Find(element, "id") is { ValueKind: JsonValueKind.String } id
            && id.GetString() is { Length: > 0 } text ? text : null;

    public string Text(string name) => OptionalText(name) ?? throw Missing(name);

    public string? OptionalText(string name) => Value(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => throw WrongType(name, "un texte entre guillemets"),
    };

    public int? OptionalInt(string name) => Value(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var number) => number,
        _ => throw WrongType(name, "un nombre entier"),
    };

    public decimal? OptionalDecimal(string name) => Value(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetDecimal(out var number) => number,
        _ => throw WrongType(name, "un nombre"),
    };

    public bool? OptionalBool(string name) => Value(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw WrongType(name, "true ou false"),
    };

    public T Enum<T>(string name, string unknown) where T : struct, System.Enum =>
        OptionalEnum<T>(name, unknown) ?? throw Missing(name);

    public T? OptionalEnum<T>(string name, string unknown) where T : struct, System.Enum => Value(name) switch
    {
        null => null,
        { } value => EnumItem<T>(value, Where, unknown),
    };

    public Node Object(string name, string where) => OptionalObject(name, where) ?? throw Missing(name);

    public Node? OptionalObject(string name, string where) => Value(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } value => new Node(value, where),
        _ => throw WrongType(name, "un objet { … }"),
    };

    public IReadOnlyList<T> List<T>(string name, Func<JsonElement, int, T> item) => OptionalList(name, item) ?? throw Missing(name);

    public IReadOnlyList<T>? OptionalList<T>(string name, Func<JsonElement, int, T> item)
    {
        var value = Value(name);
        if (value is null) return null;
        if (value.Value.ValueKind != JsonValueKind.Array) throw WrongType(name, "une liste [ … ]");
        var items = new List<T>();
        foreach (var element in value.Value.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Null)
                throw DefinitionFile.Invalid($"{Where} : « {name} » contient un élément vide (null).");
            items.Add(item(element, items.Count));
        }
        return items;
    }

    public static string TextItem(JsonElement element, int index, string where) => element.ValueKind == JsonValueKind.String
        ? element.GetString()!
        : throw DefinitionFile.Invalid($"{where} : l'élément n°{index + 1} doit être un texte entre guillemets.");

    public static T EnumItem<T>(JsonElement element, string where, string unknown) where T : struct, System.Enum
    {
        var names = System.Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName).ToList();
        var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
        var known = names.FindIndex(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
        if (element.ValueKind != JsonValueKind.String || known < 0)
            throw DefinitionFile.Invalid($"{where} {unknown} « {text} » (connus : {string.Join(", ", names)}).");
        return System.Enum.GetValues<T>()[known];
    }

    /// <summary>A property's value, null when absent or null (then the record's default applies).</summary>
    private JsonElement? Value(string name)
    {
        if (Element.ValueKind != JsonValueKind.Object) throw DefinitionFile.Invalid($"{Where} doit être un objet {{ … }}.");
        return Find(Element, name) is { } value && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    // Web defaults read names case-insensitively; so does an import.
    private static JsonElement? Find(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        return null;
    }

    private InvalidDemarcheException Missing(string name) => DefinitionFile.Invalid($"{Where} n'a pas de « {name} ».");

    private InvalidDemarcheException WrongType(string name, string expected) =>
        DefinitionFile.Invalid($"{Where} : « {name} » doit être {expected}.");
}
