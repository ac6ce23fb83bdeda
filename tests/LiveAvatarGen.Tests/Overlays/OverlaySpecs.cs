// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

namespace LiveAvatarGen.Tests.Overlays;

/// <summary>A small vendor spec with the flaws overlays fix (an ugly operationId, a property the schema forgets) and overlays for it.</summary>
internal static class OverlaySpecs
{
    public const string SpecYaml = """
        openapi: 3.1.0
        info: { title: Pets API, version: "1" }
        paths:
          /pets:
            get:
              operationId: list_pets_v1_pets_get
              tags: [pets]
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: "#/components/schemas/Pet" } }
            delete:
              operationId: delete_all_pets
              tags: [pets]
              responses:
                "204": { description: gone }
        components:
          schemas:
            Pet:
              type: object
              required: [id]
              properties:
                id: { type: integer }
        """;

    /// <summary>Renames the list operation, adds the forgotten <c>name</c> (required), removes the delete.</summary>
    public const string FixYaml = """
        overlay: 1.0.0
        info: { title: Fix the pets spec, version: 1.0.0 }
        actions:
          - target: $.paths['/pets'].get
            description: a readable operationId
            update:
              operationId: listPets
          - target: $.components.schemas.Pet
            update:
              required: [name]
              properties:
                name: { type: string, description: The pet's name. }
          - target: $.paths['/pets'].delete
            remove: true
        """;

    /// <summary>The same as <see cref="FixYaml"/>, in JSON.</summary>
    public const string FixJson = """
        {
          "overlay": "1.0.0",
          "info": { "title": "Fix the pets spec", "version": "1.0.0" },
          "actions": [
            { "target": "$.paths['/pets'].get", "update": { "operationId": "listPets" } },
            { "target": "$.components.schemas.Pet", "update": { "required": ["name"], "properties": { "name": { "type": "string", "description": "The pet's name." } } } },
            { "target": "$.paths['/pets'].delete", "remove": true }
          ]
        }
        """;
}
