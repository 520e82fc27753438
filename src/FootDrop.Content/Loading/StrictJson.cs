using System.Text.Json;

namespace FootDrop.Content.Loading;

/// <summary>
/// Reads one JSON object field by field, remembering the JSON path, so every problem is reported as
/// "file at $.path: what is wrong". Fields not read by the time <see cref="RejectUnknownFields"/> runs are errors:
/// a misspelt field name must not be silently ignored in health content.
/// </summary>
public sealed class StrictJson
{
    private readonly JsonElement _element;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public StrictJson(string file, string path, JsonElement element)
    {
        File = file;
        Path = path;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, $"expected an object but found {Describe(element)}.");
        }

        _element = element;
    }

    public string File { get; }

    public string Path { get; }

    public static StrictJson Parse(string file, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            return new StrictJson(file, "$", document.RootElement.Clone());
        }
        catch (JsonException exception)
        {
            throw new ContentValidationException(file, $"line {exception.LineNumber + 1}", "the file is not valid JSON: " + exception.Message);
        }
    }

    public ContentValidationException Error(string path, string problem) => new(File, path, problem);

    public string FieldPath(string name) => $"{Path}.{name}";

    public string String(string name)
    {
        var element = Required(name, JsonValueKind.String);
        var value = element.GetString()!;
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Error(FieldPath(name), "must not be empty.");
        }

        return value;
    }

    public int Int(string name, int min, int max)
    {
        var element = Required(name, JsonValueKind.Number);
        if (!element.TryGetInt32(out var value) || value < min || value > max)
        {
            throw Error(FieldPath(name), $"must be a whole number from {min} to {max}.");
        }

        return value;
    }

    /// <summary>An optional whole number: missing means null.</summary>
    public int? OptionalInt(string name, int min, int max)
    {
        if (!_element.TryGetProperty(name, out _))
        {
            _read.Add(name);
            return null;
        }

        return Int(name, min, max);
    }

    /// <summary>An optional text: missing means null.</summary>
    public string? OptionalString(string name)
    {
        if (!_element.TryGetProperty(name, out _))
        {
            _read.Add(name);
            return null;
        }

        return String(name);
    }

    /// <summary>An optional true/false: missing means false.</summary>
    public bool OptionalBool(string name)
    {
        _read.Add(name);
        if (!_element.TryGetProperty(name, out var element))
        {
            return false;
        }

        return element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(FieldPath(name), $"expected true/false but found {Describe(element)}."),
        };
    }

    public double Double(string name, double min, double max)
    {
        var element = Required(name, JsonValueKind.Number);
        var value = element.GetDouble();
        if (value < min || value > max)
        {
            throw Error(FieldPath(name), $"must be a number from {min} to {max}.");
        }

        return value;
    }

    /// <summary>An optional list of texts: missing means empty.</summary>
    public IReadOnlyList<string> OptionalStrings(string name)
        => _element.TryGetProperty(name, out _) ? Strings(name, minCount: 0) : MarkRead(name);

    private IReadOnlyList<string> MarkRead(string name)
    {
        _read.Add(name);
        return [];
    }

    public IReadOnlyList<string> Strings(string name, int minCount = 1)
    {
        var items = Array(name, minCount);
        var result = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{FieldPath(name)}[{i}]";
            if (items[i].ValueKind != JsonValueKind.String)
            {
                throw Error(path, $"expected text but found {Describe(items[i])}.");
            }

            var value = items[i].GetString()!;
            if (string.IsNullOrWhiteSpace(value))
            {
                throw Error(path, "must not be empty.");
            }

            result.Add(value);
        }

        return result;
    }

    public IReadOnlyList<JsonElement> Array(string name, int minCount = 1)
    {
        var element = Required(name, JsonValueKind.Array);
        var items = element.EnumerateArray().ToList();
        if (items.Count < minCount)
        {
            throw Error(FieldPath(name), minCount == 1 ? "must not be empty." : $"needs at least {minCount} entries.");
        }

        return items;
    }

    public IReadOnlyList<StrictJson> Objects(string name, int minCount = 1)
        => Array(name, minCount).Select((item, i) => new StrictJson(File, $"{FieldPath(name)}[{i}]", item)).ToList();

    /// <summary>An optional list of objects: missing means empty.</summary>
    public IReadOnlyList<StrictJson> OptionalObjects(string name)
    {
        if (_element.TryGetProperty(name, out _))
        {
            return Objects(name, minCount: 0);
        }

        _read.Add(name);
        return [];
    }

    public StrictJson Object(string name) => new(File, FieldPath(name), Required(name, JsonValueKind.Object));

    /// <summary>An object that may be null (for example an exercise without sets).</summary>
    public StrictJson? NullableObject(string name)
    {
        if (!_element.TryGetProperty(name, out var element))
        {
            throw Error(FieldPath(name), "is missing (use null if it does not apply).");
        }

        _read.Add(name);
        return element.ValueKind == JsonValueKind.Null ? null : new StrictJson(File, FieldPath(name), element);
    }

    /// <summary>Every property as (name, value) for maps such as the texts by key.</summary>
    public IEnumerable<(string Name, JsonElement Value)> Properties()
    {
        foreach (var property in _element.EnumerateObject())
        {
            _read.Add(property.Name);
            yield return (property.Name, property.Value);
        }
    }

    public void Ignore(string name) => _read.Add(name);

    public void RejectUnknownFields()
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                throw Error(FieldPath(property.Name), "is not a known field (check its spelling).");
            }
        }
    }

    private JsonElement Required(string name, JsonValueKind kind)
    {
        _read.Add(name);
        if (!_element.TryGetProperty(name, out var element))
        {
            throw Error(FieldPath(name), "is missing.");
        }

        if (element.ValueKind != kind)
        {
            throw Error(FieldPath(name), $"expected {Describe(kind)} but found {Describe(element)}.");
        }

        return element;
    }

    private static string Describe(JsonElement element) => Describe(element.ValueKind);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
