"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NetworkIndicatorsDocument = exports.OpenActivityAccountDocument = exports.RegisterPersonDocument = exports.PersonPathDocument = exports.CooperativePeopleDocument = exports.NetworkCooperativesDocument = exports.DashboardFiguresFragmentDoc = exports.CountFieldsFragmentDoc = exports.PageInfoFieldsFragmentDoc = exports.PersonSummaryFragmentDoc = void 0;
exports.PersonSummaryFragmentDoc = {
    kind: "Document",
    definitions: [
        {
            kind: "FragmentDefinition",
            name: { kind: "Name", value: "PersonSummary" },
            typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Person" } },
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    { kind: "Field", name: { kind: "Name", value: "id" } },
                    { kind: "Field", name: { kind: "Name", value: "firstName" } },
                    { kind: "Field", name: { kind: "Name", value: "lastName" } },
                    { kind: "Field", name: { kind: "Name", value: "welcomeStage" } },
                ],
            },
        },
    ],
};
exports.PageInfoFieldsFragmentDoc = {
    kind: "Document",
    definitions: [
        {
            kind: "FragmentDefinition",
            name: { kind: "Name", value: "PageInfoFields" },
            typeCondition: { kind: "NamedType", name: { kind: "Name", value: "PageInfo" } },
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
                    { kind: "Field", name: { kind: "Name", value: "endCursor" } },
                ],
            },
        },
    ],
};
exports.CountFieldsFragmentDoc = {
    kind: "Document",
    definitions: [
        {
            kind: "FragmentDefinition",
            name: { kind: "Name", value: "CountFields" },
            typeCondition: { kind: "NamedType", name: { kind: "Name", value: "CountCell" } },
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    { kind: "Field", name: { kind: "Name", value: "value" } },
                    { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                    { kind: "Field", name: { kind: "Name", value: "reason" } },
                ],
            },
        },
    ],
};
exports.DashboardFiguresFragmentDoc = {
    kind: "Document",
    definitions: [
        {
            kind: "FragmentDefinition",
            name: { kind: "Name", value: "DashboardFigures" },
            typeCondition: { kind: "NamedType", name: { kind: "Name", value: "IndicatorSet" } },
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    { kind: "Field", name: { kind: "Name", value: "cooperatives" } },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "people" },
                        selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "peopleByStage" },
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                { kind: "Field", name: { kind: "Name", value: "key" } },
                                { kind: "Field", name: { kind: "Name", value: "value" } },
                                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                                { kind: "Field", name: { kind: "Name", value: "reason" } },
                            ],
                        },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "receptions" },
                        selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "exits" },
                        selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "associates" },
                        selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "womenShare" },
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                { kind: "Field", name: { kind: "Name", value: "value" } },
                                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                                { kind: "Field", name: { kind: "Name", value: "reason" } },
                            ],
                        },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "contractsSigned" },
                        selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "fullTimeEquivalent" },
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                { kind: "Field", name: { kind: "Name", value: "value" } },
                                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                                { kind: "Field", name: { kind: "Name", value: "reason" } },
                            ],
                        },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "revenueExcludingVat" },
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                { kind: "Field", name: { kind: "Name", value: "value" } },
                                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                                { kind: "Field", name: { kind: "Name", value: "reason" } },
                            ],
                        },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "receptionToEmploymentContract" },
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                {
                                    kind: "Field",
                                    name: { kind: "Name", value: "averageDays" },
                                    selectionSet: {
                                        kind: "SelectionSet",
                                        selections: [
                                            { kind: "Field", name: { kind: "Name", value: "value" } },
                                            { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                                            { kind: "Field", name: { kind: "Name", value: "reason" } },
                                        ],
                                    },
                                },
                            ],
                        },
                    },
                ],
            },
        },
        {
            kind: "FragmentDefinition",
            name: { kind: "Name", value: "CountFields" },
            typeCondition: { kind: "NamedType", name: { kind: "Name", value: "CountCell" } },
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    { kind: "Field", name: { kind: "Name", value: "value" } },
                    { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                    { kind: "Field", name: { kind: "Name", value: "reason" } },
                ],
            },
        },
    ],
};
exports.NetworkCooperativesDocument = {
    kind: "Document",
    definitions: [
        {
            kind: "OperationDefinition",
            operation: "query",
            name: { kind: "Name", value: "NetworkCooperatives" },
            variableDefinitions: [
                {
                    kind: "VariableDefinition",
                    variable: { kind: "Variable", name: { kind: "Name", value: "region" } },
                    type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
                },
                {
                    kind: "VariableDefinition",
                    variable: { kind: "Variable", name: { kind: "Name", value: "first" } },
                    type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
                },
                {
                    kind: "VariableDefinition",
                    variable: { kind: "Variable", name: { kind: "Name", value: "after" } },
                    type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
                },
            ],
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "cooperatives" },
                        arguments: [
                            {
                                kind: "Argument",
                                name: { kind: "Name", value: "region" },
                                value: { kind: "Variable", name: { kind: "Name", value: "region" } },
                            },
                            {
                                kind: "Argument",
                                name: { kind: "Name", value: "first" },
                                value: { kind: "Variable", name: { kind: "Name", value: "first" } },
                            },
                            {
                                kind: "Argument",
                                name: { kind: "Name", value: "after" },
                                value: { kind: "Variable", name: { kind: "Name", value: "after" } },
                            },
                        ],
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                { kind: "Field", name: { kind: "Name", value: "totalCount" } },
                                {
                                    kind: "Field",
                                    name: { kind: "Name", value: "edges" },
                                    selectionSet: {
                                        kind: "SelectionSet",
                                        selections: [
                                            { kind: "Field", name: { kind: "Name", value: "cursor" } },
                                            {
                                                kind: "Field",
                                                name: { kind: "Name", value: "node" },
                                                selectionSet: {
                                                    kind: "SelectionSet",
                                                    selections: [
                                                        { kind: "Field", name: { kind: "Name", value: "id" } },
                                                        { kind: "Field", name: { kind: "Name", value: "name" } },
                                                        { kind: "Field", name: { kind: "Name", value: "region" } },
                                                        {
                                                            kind: "Field",
                                                            name: { kind: "Name", value: "people" },
                                                            selectionSet: {
                                                                kind: "SelectionSet",
                                                                selections: [{ kind: "Field", name: { kind: "Name", value: "totalCount" } }],
                                                            },
                                                        },
                                                    ],
                                                },
                                            },
                                        ],
                                    },
                                },
                                {
                                    kind: "Field",
                                    name: { kind: "Name", value: "pageInfo" },
                                    selectionSet: {
                                        kind: "SelectionSet",
                                        selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "PageInfoFields" } }],
                                    },
                                },
                            ],
                        },
                    },
                ],
            },
        },
        {
            kind: "FragmentDefinition",
            name: { kind: "Name", value: "PageInfoFields" },
            typeCondition: { kind: "NamedType", name: { kind: "Name", value: "PageInfo" } },
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
                    { kind: "Field", name: { kind: "Name", value: "endCursor" } },
                ],
            },
        },
    ],
};
exports.CooperativePeopleDocument = {
    kind: "Document",
    definitions: [
        {
            kind: "OperationDefinition",
            operation: "query",
            name: { kind: "Name", value: "CooperativePeople" },
            variableDefinitions: [
                {
                    kind: "VariableDefinition",
                    variable: { kind: "Variable", name: { kind: "Name", value: "cooperativeId" } },
                    type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
                },
                {
                    kind: "VariableDefinition",
                    variable: { kind: "Variable", name: { kind: "Name", value: "first" } },
                    type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
                },
                {
                    kind: "VariableDefinition",
                    variable: { kind: "Variable", name: { kind: "Name", value: "after" } },
                    type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
                },
            ],
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "cooperative" },
                        arguments: [
                            {
                                kind: "Argument",
                                name: { kind: "Name", value: "id" },
                                value: { kind: "Variable", name: { kind: "Name", value: "cooperativeId" } },
                            },
                        ],
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                { kind: "Field", name: { kind: "Name", value: "id" } },
                                { kind: "Field", name: { kind: "Name", value: "name" } },
                                {
                                    kind: "Field",
                                    name: { kind: "Name", value: "people" },
                                    arguments: [
                                        {
                                            kind: "Argument",
                                            name: { kind: "Name", value: "first" },
                                            value: { kind: "Variable", name: { kind: "Name", value: "first" } },
                                        },
                                        {
                                            kind: "Argument",
                                            name: { kind: "Name", value: "after" },
                                            value: { kind: "Variable", name: { kind: "Name", value: "after" } },
                                        },
                                    ],
                                    selectionSet: {
                                        kind: "SelectionSet",
                                        selections: [
                                            { kind: "Field", name: { kind: "Name", value: "totalCount" } },
                                            {
                                                kind: "Field",
                                                name: { kind: "Name", value: "edges" },
                                                selectionSet: {
                                                    kind: "SelectionSet",
                                                    selections: [
                                                        { kind: "Field", name: { kind: "Name", value: "cursor" } },
                                                        {
                                                            kind: "Field",
                                                            name: { kind: "Name", value: "node" },
                                                            selectionSet: {
                                                                kind: "SelectionSet",
                                                                selections: [
                                                                    { kind: "FragmentSpread", name: { kind: "Name", value: "PersonSummary" } },
                                                                    {
                                                                        kind: "Field",
                                                                        name: { kind: "Name", value: "cooperative" },
                                                                        selectionSet: {
                                                                            kind: "SelectionSet",
                                                                            selections: [
                                                                                { kind: "Field", name: { kind: "Name", value: "id" } },
                                                                                { kind: "Field", name: { kind: "Name", value: "name" } },
                                                                            ],
                                                                        },
                                                                    },
                                                                ],
                                                            },
                                                        },
                                                    ],
                                                },
                                            },
                                            {
                                                kind: "Field",
                                                name: { kind: "Name", value: "pageInfo" },
                                                selectionSet: {
                                                    kind: "SelectionSet",
                                                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "PageInfoFields" } }],
                                                },
                                            },
                                        ],
                                    },
                                },
                            ],
                        },
                    },
                ],
            },
        },
        {
            kind: "FragmentDefinition",
            name: { kind: "Name", value: "PersonSummary" },
            typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Person" } },
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    { kind: "Field", name: { kind: "Name", value: "id" } },
                    { kind: "Field", name: { kind: "Name", value: "firstName" } },
                    { kind: "Field", name: { kind: "Name", value: "lastName" } },
                    { kind: "Field", name: { kind: "Name", value: "welcomeStage" } },
                ],
            },
        },
        {
            kind: "FragmentDefinition",
            name: { kind: "Name", value: "PageInfoFields" },
            typeCondition: { kind: "NamedType", name: { kind: "Name", value: "PageInfo" } },
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
                    { kind: "Field", name: { kind: "Name", value: "endCursor" } },
                ],
            },
        },
    ],
};
exports.PersonPathDocument = {
    kind: "Document",
    definitions: [
        {
            kind: "OperationDefinition",
            operation: "query",
            name: { kind: "Name", value: "PersonPath" },
            variableDefinitions: [
                {
                    kind: "VariableDefinition",
                    variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
                    type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
                },
            ],
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "person" },
                        arguments: [
                            { kind: "Argument", name: { kind: "Name", value: "id" }, value: { kind: "Variable", name: { kind: "Name", value: "id" } } },
                        ],
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                { kind: "FragmentSpread", name: { kind: "Name", value: "PersonSummary" } },
                                { kind: "Field", name: { kind: "Name", value: "firstContactOn" } },
                                { kind: "Field", name: { kind: "Name", value: "receivedOn" } },
                                {
                                    kind: "Field",
                                    name: { kind: "Name", value: "cooperative" },
                                    selectionSet: {
                                        kind: "SelectionSet",
                                        selections: [
                                            { kind: "Field", name: { kind: "Name", value: "id" } },
                                            { kind: "Field", name: { kind: "Name", value: "name" } },
                                        ],
                                    },
                                },
                                {
                                    kind: "Field",
                                    name: { kind: "Name", value: "contracts" },
                                    selectionSet: {
                                        kind: "SelectionSet",
                                        selections: [
                                            { kind: "Field", name: { kind: "Name", value: "totalCount" } },
                                            {
                                                kind: "Field",
                                                name: { kind: "Name", value: "edges" },
                                                selectionSet: {
                                                    kind: "SelectionSet",
                                                    selections: [
                                                        {
                                                            kind: "Field",
                                                            name: { kind: "Name", value: "node" },
                                                            selectionSet: {
                                                                kind: "SelectionSet",
                                                                selections: [
                                                                    { kind: "Field", name: { kind: "Name", value: "id" } },
                                                                    { kind: "Field", name: { kind: "Name", value: "kind" } },
                                                                    { kind: "Field", name: { kind: "Name", value: "status" } },
                                                                    { kind: "Field", name: { kind: "Name", value: "startsOn" } },
                                                                    { kind: "Field", name: { kind: "Name", value: "endsOn" } },
                                                                    { kind: "Field", name: { kind: "Name", value: "monthlyHours" } },
                                                                    { kind: "Field", name: { kind: "Name", value: "fixedMonthlyPay" } },
                                                                ],
                                                            },
                                                        },
                                                    ],
                                                },
                                            },
                                            {
                                                kind: "Field",
                                                name: { kind: "Name", value: "pageInfo" },
                                                selectionSet: {
                                                    kind: "SelectionSet",
                                                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "PageInfoFields" } }],
                                                },
                                            },
                                        ],
                                    },
                                },
                                {
                                    kind: "Field",
                                    name: { kind: "Name", value: "activityAccounts" },
                                    selectionSet: {
                                        kind: "SelectionSet",
                                        selections: [
                                            { kind: "Field", name: { kind: "Name", value: "totalCount" } },
                                            {
                                                kind: "Field",
                                                name: { kind: "Name", value: "edges" },
                                                selectionSet: {
                                                    kind: "SelectionSet",
                                                    selections: [
                                                        {
                                                            kind: "Field",
                                                            name: { kind: "Name", value: "node" },
                                                            selectionSet: {
                                                                kind: "SelectionSet",
                                                                selections: [
                                                                    { kind: "Field", name: { kind: "Name", value: "id" } },
                                                                    { kind: "Field", name: { kind: "Name", value: "analyticCode" } },
                                                                    { kind: "Field", name: { kind: "Name", value: "label" } },
                                                                    { kind: "Field", name: { kind: "Name", value: "sector" } },
                                                                    { kind: "Field", name: { kind: "Name", value: "openedOn" } },
                                                                ],
                                                            },
                                                        },
                                                    ],
                                                },
                                            },
                                            {
                                                kind: "Field",
                                                name: { kind: "Name", value: "pageInfo" },
                                                selectionSet: {
                                                    kind: "SelectionSet",
                                                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "PageInfoFields" } }],
                                                },
                                            },
                                        ],
                                    },
                                },
                            ],
                        },
                    },
                ],
            },
        },
        {
            kind: "FragmentDefinition",
            name: { kind: "Name", value: "PersonSummary" },
            typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Person" } },
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    { kind: "Field", name: { kind: "Name", value: "id" } },
                    { kind: "Field", name: { kind: "Name", value: "firstName" } },
                    { kind: "Field", name: { kind: "Name", value: "lastName" } },
                    { kind: "Field", name: { kind: "Name", value: "welcomeStage" } },
                ],
            },
        },
        {
            kind: "FragmentDefinition",
            name: { kind: "Name", value: "PageInfoFields" },
            typeCondition: { kind: "NamedType", name: { kind: "Name", value: "PageInfo" } },
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
                    { kind: "Field", name: { kind: "Name", value: "endCursor" } },
                ],
            },
        },
    ],
};
exports.RegisterPersonDocument = {
    kind: "Document",
    definitions: [
        {
            kind: "OperationDefinition",
            operation: "mutation",
            name: { kind: "Name", value: "RegisterPerson" },
            variableDefinitions: [
                {
                    kind: "VariableDefinition",
                    variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
                    type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "RegisterPersonInput" } } },
                },
            ],
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "registerPerson" },
                        arguments: [
                            {
                                kind: "Argument",
                                name: { kind: "Name", value: "input" },
                                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
                            },
                        ],
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                { kind: "FragmentSpread", name: { kind: "Name", value: "PersonSummary" } },
                                { kind: "Field", name: { kind: "Name", value: "firstContactOn" } },
                            ],
                        },
                    },
                ],
            },
        },
        {
            kind: "FragmentDefinition",
            name: { kind: "Name", value: "PersonSummary" },
            typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Person" } },
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    { kind: "Field", name: { kind: "Name", value: "id" } },
                    { kind: "Field", name: { kind: "Name", value: "firstName" } },
                    { kind: "Field", name: { kind: "Name", value: "lastName" } },
                    { kind: "Field", name: { kind: "Name", value: "welcomeStage" } },
                ],
            },
        },
    ],
};
exports.OpenActivityAccountDocument = {
    kind: "Document",
    definitions: [
        {
            kind: "OperationDefinition",
            operation: "mutation",
            name: { kind: "Name", value: "OpenActivityAccount" },
            variableDefinitions: [
                {
                    kind: "VariableDefinition",
                    variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
                    type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "OpenActivityAccountInput" } } },
                },
            ],
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "openActivityAccount" },
                        arguments: [
                            {
                                kind: "Argument",
                                name: { kind: "Name", value: "input" },
                                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
                            },
                        ],
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                { kind: "Field", name: { kind: "Name", value: "id" } },
                                { kind: "Field", name: { kind: "Name", value: "analyticCode" } },
                                { kind: "Field", name: { kind: "Name", value: "label" } },
                                { kind: "Field", name: { kind: "Name", value: "sector" } },
                                { kind: "Field", name: { kind: "Name", value: "openedOn" } },
                                {
                                    kind: "Field",
                                    name: { kind: "Name", value: "person" },
                                    selectionSet: { kind: "SelectionSet", selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }] },
                                },
                            ],
                        },
                    },
                ],
            },
        },
    ],
};
exports.NetworkIndicatorsDocument = {
    kind: "Document",
    definitions: [
        {
            kind: "OperationDefinition",
            operation: "query",
            name: { kind: "Name", value: "NetworkIndicators" },
            variableDefinitions: [
                {
                    kind: "VariableDefinition",
                    variable: { kind: "Variable", name: { kind: "Name", value: "from" } },
                    type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Date" } } },
                },
                {
                    kind: "VariableDefinition",
                    variable: { kind: "Variable", name: { kind: "Name", value: "to" } },
                    type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Date" } } },
                },
                {
                    kind: "VariableDefinition",
                    variable: { kind: "Variable", name: { kind: "Name", value: "regions" } },
                    type: { kind: "ListType", type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "String" } } } },
                },
                {
                    kind: "VariableDefinition",
                    variable: { kind: "Variable", name: { kind: "Name", value: "cooperativeIds" } },
                    type: { kind: "ListType", type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } } },
                },
            ],
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "network" },
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                {
                                    kind: "Field",
                                    name: { kind: "Name", value: "indicators" },
                                    arguments: [
                                        {
                                            kind: "Argument",
                                            name: { kind: "Name", value: "from" },
                                            value: { kind: "Variable", name: { kind: "Name", value: "from" } },
                                        },
                                        {
                                            kind: "Argument",
                                            name: { kind: "Name", value: "to" },
                                            value: { kind: "Variable", name: { kind: "Name", value: "to" } },
                                        },
                                        {
                                            kind: "Argument",
                                            name: { kind: "Name", value: "regions" },
                                            value: { kind: "Variable", name: { kind: "Name", value: "regions" } },
                                        },
                                        {
                                            kind: "Argument",
                                            name: { kind: "Name", value: "cooperativeIds" },
                                            value: { kind: "Variable", name: { kind: "Name", value: "cooperativeIds" } },
                                        },
                                    ],
                                    selectionSet: {
                                        kind: "SelectionSet",
                                        selections: [
                                            { kind: "Field", name: { kind: "Name", value: "from" } },
                                            { kind: "Field", name: { kind: "Name", value: "to" } },
                                            { kind: "Field", name: { kind: "Name", value: "generatedAt" } },
                                            { kind: "Field", name: { kind: "Name", value: "ageSeconds" } },
                                            { kind: "Field", name: { kind: "Name", value: "complete" } },
                                            {
                                                kind: "Field",
                                                name: { kind: "Name", value: "missingCooperatives" },
                                                selectionSet: {
                                                    kind: "SelectionSet",
                                                    selections: [
                                                        { kind: "Field", name: { kind: "Name", value: "id" } },
                                                        { kind: "Field", name: { kind: "Name", value: "name" } },
                                                        { kind: "Field", name: { kind: "Name", value: "reason" } },
                                                    ],
                                                },
                                            },
                                            { kind: "Field", name: { kind: "Name", value: "unavailableSources" } },
                                            { kind: "Field", name: { kind: "Name", value: "disclosureControl" } },
                                            { kind: "Field", name: { kind: "Name", value: "minCount" } },
                                            {
                                                kind: "Field",
                                                name: { kind: "Name", value: "totals" },
                                                selectionSet: {
                                                    kind: "SelectionSet",
                                                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "DashboardFigures" } }],
                                                },
                                            },
                                            {
                                                kind: "Field",
                                                name: { kind: "Name", value: "byCooperative" },
                                                selectionSet: {
                                                    kind: "SelectionSet",
                                                    selections: [
                                                        { kind: "Field", name: { kind: "Name", value: "id" } },
                                                        { kind: "Field", name: { kind: "Name", value: "name" } },
                                                        { kind: "Field", name: { kind: "Name", value: "region" } },
                                                        {
                                                            kind: "Field",
                                                            name: { kind: "Name", value: "indicators" },
                                                            selectionSet: {
                                                                kind: "SelectionSet",
                                                                selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "DashboardFigures" } }],
                                                            },
                                                        },
                                                    ],
                                                },
                                            },
                                            {
                                                kind: "Field",
                                                name: { kind: "Name", value: "byRegion" },
                                                selectionSet: {
                                                    kind: "SelectionSet",
                                                    selections: [
                                                        { kind: "Field", name: { kind: "Name", value: "region" } },
                                                        { kind: "Field", name: { kind: "Name", value: "cooperativeIds" } },
                                                        {
                                                            kind: "Field",
                                                            name: { kind: "Name", value: "indicators" },
                                                            selectionSet: {
                                                                kind: "SelectionSet",
                                                                selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "DashboardFigures" } }],
                                                            },
                                                        },
                                                    ],
                                                },
                                            },
                                            {
                                                kind: "Field",
                                                name: { kind: "Name", value: "monthly" },
                                                selectionSet: {
                                                    kind: "SelectionSet",
                                                    selections: [
                                                        { kind: "Field", name: { kind: "Name", value: "month" } },
                                                        {
                                                            kind: "Field",
                                                            name: { kind: "Name", value: "receptions" },
                                                            selectionSet: {
                                                                kind: "SelectionSet",
                                                                selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                                                            },
                                                        },
                                                        {
                                                            kind: "Field",
                                                            name: { kind: "Name", value: "exits" },
                                                            selectionSet: {
                                                                kind: "SelectionSet",
                                                                selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                                                            },
                                                        },
                                                        {
                                                            kind: "Field",
                                                            name: { kind: "Name", value: "contractsSigned" },
                                                            selectionSet: {
                                                                kind: "SelectionSet",
                                                                selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                                                            },
                                                        },
                                                    ],
                                                },
                                            },
                                        ],
                                    },
                                },
                            ],
                        },
                    },
                ],
            },
        },
        {
            kind: "FragmentDefinition",
            name: { kind: "Name", value: "CountFields" },
            typeCondition: { kind: "NamedType", name: { kind: "Name", value: "CountCell" } },
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    { kind: "Field", name: { kind: "Name", value: "value" } },
                    { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                    { kind: "Field", name: { kind: "Name", value: "reason" } },
                ],
            },
        },
        {
            kind: "FragmentDefinition",
            name: { kind: "Name", value: "DashboardFigures" },
            typeCondition: { kind: "NamedType", name: { kind: "Name", value: "IndicatorSet" } },
            selectionSet: {
                kind: "SelectionSet",
                selections: [
                    { kind: "Field", name: { kind: "Name", value: "cooperatives" } },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "people" },
                        selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "peopleByStage" },
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                { kind: "Field", name: { kind: "Name", value: "key" } },
                                { kind: "Field", name: { kind: "Name", value: "value" } },
                                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                                { kind: "Field", name: { kind: "Name", value: "reason" } },
                            ],
                        },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "receptions" },
                        selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "exits" },
                        selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "associates" },
                        selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "womenShare" },
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                { kind: "Field", name: { kind: "Name", value: "value" } },
                                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                                { kind: "Field", name: { kind: "Name", value: "reason" } },
                            ],
                        },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "contractsSigned" },
                        selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "fullTimeEquivalent" },
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                { kind: "Field", name: { kind: "Name", value: "value" } },
                                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                                { kind: "Field", name: { kind: "Name", value: "reason" } },
                            ],
                        },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "revenueExcludingVat" },
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                { kind: "Field", name: { kind: "Name", value: "value" } },
                                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                                { kind: "Field", name: { kind: "Name", value: "reason" } },
                            ],
                        },
                    },
                    {
                        kind: "Field",
                        name: { kind: "Name", value: "receptionToEmploymentContract" },
                        selectionSet: {
                            kind: "SelectionSet",
                            selections: [
                                {
                                    kind: "Field",
                                    name: { kind: "Name", value: "averageDays" },
                                    selectionSet: {
                                        kind: "SelectionSet",
                                        selections: [
                                            { kind: "Field", name: { kind: "Name", value: "value" } },
                                            { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                                            { kind: "Field", name: { kind: "Name", value: "reason" } },
                                        ],
                                    },
                                },
                            ],
                        },
                    },
                ],
            },
        },
    ],
};
//# sourceMappingURL=graphql.js.map