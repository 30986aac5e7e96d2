using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Configuration.Files;

/// <summary>
/// A JSON file with comments, kept as a tree that remembers each value's line, so that every
/// problem found in it (parse error, schema violation, a bad reference) names file, line and path.
/// </summary>
public sealed partial class JsonFile
{
    private JsonFile(string path, JToken root)
    {
        Path = path;
        Root = root;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    public JToken Root { get; }

    /// <summary>The folder relative paths in the file are resolved against.</summary>
    public string Folder => System.IO.Path.GetDirectoryName(Path) ?? ".";

    /// <summary>Reads and parses; a missing or malformed file yields a diagnostic and null.</summary>
    public static JsonFile? Load(string path, ICollection<Diagnostic> diagnostics)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            diagnostics.Add(new Diagnostic("file not found", full));
            return null;
        }

        return Parse(full, File.ReadAllText(full), diagnostics);
    }

    /// <summary>Parses text as if read from <paramref name="path"/>.</summary>
    public static JsonFile? Parse(string path, string text, ICollection<Diagnostic> diagnostics)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            var root = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                CommentHandling = CommentHandling.Ignore,
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
            });
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    diagnostics.Add(new Diagnostic("unexpected content after the JSON value", path, reader.LineNumber, reader.LinePosition));
                    return null;
                }
            }

            return new JsonFile(path, root);
        }
        catch (JsonReaderException ex)
        {
            diagnostics.Add(new Diagnostic(CleanMessage(ex.Message), path, ex.LineNumber, ex.LinePosition, ex.Path));
            return null;
        }
    }

    /// <summary>Checks the file against a JSON schema; every violation becomes a diagnostic.</summary>
    public void Validate(JsonSchema schema, ICollection<Diagnostic> diagnostics)
    {
        foreach (var error in Flatten(schema.Validate(Root)))
        {
            diagnostics.Add(new Diagnostic(Describe(error), Path, error.HasLineInfo ? error.LineNumber : null, error.HasLineInfo ? error.LinePosition : null, JsonPath(error)));
        }
    }

    /// <summary>A diagnostic pointing at <paramref name="token"/>.</summary>
    public Diagnostic At(JToken? token, string message)
    {
        var info = token as IJsonLineInfo;
        var hasLine = info is not null && info.HasLineInfo();
        return new Diagnostic(message, Path, hasLine ? info!.LineNumber : null, hasLine ? info!.LinePosition : null, token is null ? null : "$" + (token.Path.Length > 0 ? "." + token.Path : ""));
    }

    /// <summary>
    /// Replaces every <c>${env:NAME}</c> in string values; an unset variable is a diagnostic that names
    /// it and where it is used (the value is left empty).
    /// </summary>
    public void ResolveEnvironment(Func<string, string?> lookup, ICollection<Diagnostic> diagnostics)
    {
        foreach (var value in Root.SelectTokens("$..*").OfType<JValue>().Concat(Root is JValue v ? [v] : []).ToList())
        {
            if (value.Type != JTokenType.String || value.Value is not string text || !text.Contains("${env:", StringComparison.Ordinal))
            {
                continue;
            }

            value.Value = EnvReference().Replace(text, m =>
            {
                var name = m.Groups[1].Value;
                var resolved = lookup(name);
                if (resolved is null)
                {
                    diagnostics.Add(At(value, $"environment variable {name} is not set"));
                    return "";
                }

                return resolved;
            });
        }
    }

    /// <summary>A path from the file resolved against the file's folder.</summary>
    public string ResolvePath(string relativeOrAbsolute) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Folder, relativeOrAbsolute));

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                // oneOf/anyOf: report the branch errors only when there is a single branch to blame.
                var branches = child.Errors.Values.ToList();
                if (branches.Count == 1)
                {
                    foreach (var inner in Flatten(branches[0]))
                    {
                        yield return inner;
                    }

                    continue;
                }
            }

            yield return error;
        }
    }

    private static string Describe(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown key '{error.Property}'",
        ValidationErrorKind.PropertyRequired => $"missing required key '{error.Property}'",
        ValidationErrorKind.StringExpected => "expected a string",
        ValidationErrorKind.NumberExpected => "expected a number",
        ValidationErrorKind.IntegerExpected => "expected an integer",
        ValidationErrorKind.BooleanExpected => "expected true or false",
        ValidationErrorKind.ObjectExpected => "expected an object",
        ValidationErrorKind.ArrayExpected => "expected an array",
        ValidationErrorKind.NotInEnumeration => $"'{error.Property}' has a value that is not allowed" + EnumHint(error),
        ValidationErrorKind.StringTooShort or ValidationErrorKind.TooFewItems => "must not be empty",
        ValidationErrorKind.PatternMismatch => "does not have the expected format",
        _ => error.Kind.ToString(),
    };

    private static string EnumHint(ValidationError error)
    {
        var values = error.Schema?.Enumeration?.Select(e => e?.ToString()).Where(e => e is not null).ToList();
        return values is { Count: > 0 } ? ": use one of " + string.Join(", ", values) : "";
    }

    private static string JsonPath(ValidationError error)
    {
        var path = error.Path ?? "#";
        path = path.StartsWith('#') ? "$" + path[1..].Replace('/', '.') : path;
        if (error.Kind is ValidationErrorKind.NoAdditionalPropertiesAllowed or ValidationErrorKind.PropertyRequired
            && error.Property is not null && !path.EndsWith("." + error.Property, StringComparison.Ordinal))
        {
            path += "." + error.Property;
        }

        return path;
    }

    private static string CleanMessage(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [GeneratedRegex(@"\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex EnvReference();
}
