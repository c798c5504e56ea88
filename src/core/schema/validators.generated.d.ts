// Types of the validators that scripts/generateValidators.js compiles from schemas/ at build time.

/** One ajv error object (the fields Value Lens reads). */
export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export declare const validateIntent: SchemaValidator;
export declare const validateRelease: SchemaValidator;
export declare const validateConfig: SchemaValidator;
