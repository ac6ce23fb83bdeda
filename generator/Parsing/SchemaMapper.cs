// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LiveAvatarGen.Generator.Diagnostics;
using LiveAvatarGen.Generator.Emitting;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Naming;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Maps schemas to <see cref="TypeRef"/>s and collects one <see cref="TypeModel"/> per type that needs generating.
/// Component schemas are named first, so a <c>$ref</c> resolves to a name without walking into its target:
/// recursive and mutually recursive schemas need no cycle handling beyond that.
/// </summary>
internal sealed partial class SchemaMapper
{
    /// <summary>How deep inline schemas may nest before we stop and type the rest as JsonElement.</summary>
    private const int MaxInlineDepth = 64;

    /// <summary>How many aliases (<c>A: $ref B</c>) may be followed in a row.</summary>
    private const int MaxAliasChain = 256;

    private readonly string _namespace;
    private readonly string _hintPrefix;
    private readonly SpecLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly NameRegistry _typeNames = new(ignoreCase: true);
    private readonly Dictionary<string, IOpenApiSchema> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _componentRefs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _valueTypesByShape = new(StringComparer.Ordinal);
    private readonly Dictionary<EnumValues, TypeRef> _enumsByValues = new();
    private readonly Dictionary<string, TypeRef> _unionsByVariants = new(StringComparer.Ordinal);
    private readonly HashSet<string> _componentsInProgress = new(StringComparer.Ordinal);
    private readonly List<TypeModel> _types = new();
    private readonly Dictionary<string, string> _componentOfType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeModel> _typesByFullName = new(StringComparer.Ordinal);
    private int _indexedTypes;
    private readonly Queue<Action> _pendingBuilds = new();

    public SchemaMapper(string ns, string hintPrefix, SpecLocator locator, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        _namespace = ns;
        _hintPrefix = hintPrefix;
        _locator = locator;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;

        // Members the generated types declare: a type of the same name would break (CS0542).
        foreach (string member in GeneratedTypeMembers())
        {
            _typeNames.Reserve(member);
        }
    }

    /// <summary>Every member name some emitted type declares, from the emitters' own declarations.</summary>
    private static IEnumerable<string> GeneratedTypeMembers() => ObjectEmitter.Members
        .Concat(EnumEmitter.Members)
        .Concat(UnionEmitter.Members)
        .Concat(ValueTypeEmitter.Members)
        .Concat(NumberTypeEmitter.Members)
        .Concat(EnvelopeEmitter.Members)
        .Distinct(StringComparer.Ordinal);

    /// <summary>The generated envelope type's name, or null when the spec has no envelope-shaped schema.</summary>
    public string? EnvelopeName { get; private set; }

    /// <summary>The generated type a reference names, or null (built-in types, or not generated).</summary>
    /// <remarks>
    /// Paging detection asks this for every GET operation, so it reads an index by full name; types are only
    /// appended after the families are merged, so the index catches up with the list instead of rescanning it.
    /// </remarks>
    public TypeModel? Find(TypeRef type)
    {
        for (; _indexedTypes < _types.Count; _indexedTypes++)
        {
            TypeModel model = _types[_indexedTypes];
            _typesByFullName["global::" + model.Namespace + "." + model.Name] = model;
        }

        return type.FullName is { } name && _typesByFullName.TryGetValue(name, out TypeModel? found) ? found : null;
    }

    /// <summary>Reserves names that are not schemas, such as the client's, before any schema is named.</summary>
    public string ReserveTypeName(string wanted) => _typeNames.Claim(wanted);

    /// <summary>Maps every component schema. Ordinal order makes name collisions resolve the same way on every run.</summary>
    public void MapComponents(IDictionary<string, IOpenApiSchema>? schemas)
    {
        if (schemas is null)
        {
            return;
        }

        foreach (KeyValuePair<string, IOpenApiSchema> pair in schemas.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // A key with no value (a truncated document) is an empty schema: any JSON.
            _components[pair.Key] = pair.Value ?? new OpenApiSchema();
        }

        FindHierarchies();

        foreach (string name in _components.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            ResolveComponent(name);
        }

        while (_pendingBuilds.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _pendingBuilds.Dequeue()();
        }

        MergeGenericFamilies();
    }

    /// <summary>The type of a schema used somewhere; <paramref name="nameHint"/> names any inline type it needs.</summary>
    /// <param name="shortName">A name for a validated value type, such as the property or parameter name.</param>
    public TypeRef Map(IOpenApiSchema? schema, string nameHint, string pointer, int depth = 0, string? shortName = null)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (schema is null)
        {
            return TypeRef.AnyJson;
        }

        if (depth > MaxInlineDepth)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, pointer, pointer, "schemas nest deeper than " + MaxInlineDepth + " levels; the rest is typed as JsonElement");
            return TypeRef.AnyJson;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            return MapReference(reference, pointer);
        }

        return MapInline(schema, nameHint, pointer, depth, shortName);
    }

    private TypeRef MapReference(OpenApiSchemaReference reference, string pointer)
    {
        string? id = reference.Reference?.Id;
        if (id is null || reference.Reference!.IsExternal || !_components.ContainsKey(id))
        {
            string target = reference.Reference?.ReferenceV3 ?? id ?? "?";
            Report(DiagnosticDescriptors.UnresolvedReference, pointer, pointer, target);
            return TypeRef.AnyJson;
        }

        return ResolveComponent(id);
    }

    private TypeRef ResolveComponent(string name)
    {
        if (_componentRefs.TryGetValue(name, out TypeRef? known))
        {
            return known;
        }

        string pointer = "#/components/schemas/" + name;
        if (!_componentsInProgress.Add(name) || _componentsInProgress.Count > MaxAliasChain)
        {
            // Only aliases (A = B, B = A, or chains thousands long) get here: there is no shape to generate.
            _componentsInProgress.Remove(name);
            Report(DiagnosticDescriptors.UnsupportedConstruct, pointer, pointer, "the schema is an alias of itself or ends a chain of aliases too long to follow; it is typed as JsonElement");
            return TypeRef.AnyJson;
        }

        IOpenApiSchema schema = _components[name];
        ReportUnmodelledKeywords(pointer);
        TypeRef result;
        if (schema is OpenApiSchemaReference alias)
        {
            // A component that is only a $ref: an alias of its target, whatever that resolves to.
            result = MapReference(alias, pointer);
        }
        else if (IsInHierarchy(name))
        {
            // A base with a discriminator or a class derived from one (SchemaMapper.Inheritance.cs), built later like any object.
            string typeName = _typeNames.Claim(Identifiers.ToPascalCase(name));
            result = RefForNamed(NamedShape.Object, typeName);
            _pendingBuilds.Enqueue(() => BuildHierarchyClass(name, typeName, pointer));
        }
        else if (TryNamedShape(schema, out NamedShape shape) && shape != NamedShape.Envelope)
        {
            // Named now, built later from the work list: a member referring to another component resolves to a
            // name without building it, so a chain of 20,000 components never deepens the stack.
            string typeName = _typeNames.Claim(Identifiers.ToPascalCase(name));
            _componentOfType[typeName] = name;
            result = RefForNamed(shape, typeName);
            if (shape is NamedShape.Object or NamedShape.Union)
            {
                _pendingBuilds.Enqueue(() => BuildNamed(shape, schema, typeName, pointer, 0));
            }
            else
            {
                // Enums and value types refer to nothing, so building them at once cannot recurse.
                BuildNamed(shape, schema, typeName, pointer, 0);
            }
        }
        else if (shape == NamedShape.Envelope)
        {
            result = MapEnvelope(schema, name, pointer);
        }
        else
        {
            result = MapInline(schema, Identifiers.ToPascalCase(name), pointer, 0);
        }

        if (AdmitsNull(schema))
        {
            // A component that itself allows null (3.0 nullable, a 3.1 null type, a null alternative): every use
            // of it does too, so a $ref to it reads a JSON null instead of refusing it.
            result = result.AsNullable();
        }

        _componentRefs[name] = result;
        if (result.Kind is TypeKind.Class or TypeKind.Struct)
        {
            _componentTypes.Add(result.FullName!);
        }

        _componentsInProgress.Remove(name);
        return result;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string pointer, params string[] arguments)
    {
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, _locator.Locate(pointer), arguments));
    }
}
