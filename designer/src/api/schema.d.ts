// Generated from the API's OpenAPI document by `pnpm --filter @baton/designer api-types`. Do not edit by hand:
// change the API's route schemas and regenerate.
export interface paths {
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Database and engine status
     * @description Answers 503 when the database does not respond.
     *
     *     Public.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Healthy */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Health'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Database down */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Health'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Custom activities a service task can call (type, title, input JSON schema)
     * @description Any signed-in user.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Catalogue */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Activity'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with email and password
     * @description Sets an HTTP-only `baton_session` cookie. At most 5 attempts per email and address per minute.
     *
     *     Public.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Signed in */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: components['schemas']['Me'];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out (ends the current session)
     * @description Any signed-in user.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Signed out */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed-in user with roles, departments and led departments
     * @description Any signed-in user.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The caller */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Me'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My API tokens (without their secrets)
     * @description Any signed-in user.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Tokens */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ApiToken'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create an API token for scripts
     * @description The token is shown once in this answer; send it as `Authorization: Bearer <token>`.
     *
     *     Any signed-in user.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiToken'] & {
              token: string;
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke one of my API tokens
     * @description Any signed-in user.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Revoked */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Departments with their lead and members
     * @description Any signed-in user.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Departments */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Department'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a department
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @example after-sales */
            key: string;
            name: string;
            /** @description An active user; they become a member of the department. */
            leadUserId?: string | null;
            /** @description An active user with the manager role. */
            managerUserId?: string | null;
            /** Format: email */
            email?: string | null;
            /** @description A saved calendar (null: the flow’s calendar) */
            calendarKey?: string | null;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Department'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/departments/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a department's name, lead, manager, e-mail or calendar
     * @description Fields left out stay as they are; null clears the lead, manager, e-mail or calendar. Another `calendarKey` reaches the running tickets whose flow has the department at once: each open clock the department holds, and the ticket's clock while the department holds the ticket, keeps the business time it counted and counts the rest on the new calendar (a timeline entry says from when to when and why); closed clocks never change. `runningTickets` says how many running tickets it reached, and lists those it could not. A refused change reaches no ticket.
     *
     *     Roles: admin.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** @description An active user; they become a member of the department. */
            leadUserId?: string | null;
            /** @description An active user with the manager role. */
            managerUserId?: string | null;
            /** Format: email */
            email?: string | null;
            /** @description A saved calendar (null: the flow’s calendar) */
            calendarKey?: string | null;
          };
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChangedDepartment'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Users with roles and departments
     * @description Any signed-in user.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Users */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['User'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a user (optionally with a password) and add them to departments
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            name: string;
            password?: string;
            roles: components['schemas']['Role'][];
            managerScope?: components['schemas']['ManagerScope'];
            /** @default [] */
            departments?: string[];
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a user's name, e-mail, roles, what their manager role covers or whether they may sign in
     * @description Fields left out stay as they are. An admin cannot take their own admin role or deactivate themselves; a department's manager keeps the manager role until the department has another.
     *
     *     Roles: admin.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email?: string;
            name?: string;
            roles?: components['schemas']['Role'][];
            managerScope?: components['schemas']['ManagerScope'];
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/users/{id}/departments/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Make the user a member of the department
     * @description No change when they are one already.
     *
     *     Roles: admin.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The user with their departments */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /**
     * End the user's membership of the department
     * @description The department's lead stays a member (409) until the department has another lead.
     *
     *     Roles: admin.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The user with their departments */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a new password for the user (ends the user's sessions)
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
          };
        };
      };
      responses: {
        /** @description Set; the user signs in again with it */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendars': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Business calendars (time zone, opening hours, holidays)
     * @description Any signed-in user.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Calendars */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Calendar'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create or replace a business calendar
     * @description Making a calendar the default clears the flag on the others. Running tickets timed on the calendar get it at once: each open clock keeps the business time it counted and gets new deadlines for the rest (a timeline entry says from when to when and why); closed clocks never change; tickets started later count on it from the start. `runningTickets` says how many running tickets it reached, and lists those it could not (retry by saving again: a repeat moves nothing twice).
     *
     *     Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @example after-sales */
            key: string;
            name: string;
            spec: components['schemas']['CalendarSpec'];
            /** @default false */
            isDefault?: boolean;
          };
        };
      };
      responses: {
        /** @description Saved */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SavedCalendar'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ticket-types': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Ticket types with their form fields and latest deployed version
     * @description Any signed-in user.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Ticket types */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TicketType'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a ticket type with its form fields
     * @description Roles: admin, process_owner.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @default  */
            description?: string;
            /** @default [] */
            fields?: components['schemas']['FieldDefinition'][];
            /** @default {} */
            defaults?: {
              /** @enum {string} */
              priority?: 'urgent' | 'high' | 'medium' | 'low';
              /** @enum {string} */
              category?:
                'fault' | 'inquiry' | 'service-request' | 'complaint' | 'suggestion' | 'refund' | 'other';
              service?: string;
            };
            /** @example after-sales */
            id: string;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TicketType'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ticket-types/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One ticket type
     * @description Any signed-in user.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Ticket type */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TicketType'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Replace a ticket type's name, description, form fields and defaults (tickets already created keep their fields)
     * @description Roles: admin, process_owner.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @default  */
            description?: string;
            /** @default [] */
            fields?: components['schemas']['FieldDefinition'][];
            /** @default {} */
            defaults?: {
              /** @enum {string} */
              priority?: 'urgent' | 'high' | 'medium' | 'low';
              /** @enum {string} */
              category?:
                'fault' | 'inquiry' | 'service-request' | 'complaint' | 'suggestion' | 'refund' | 'other';
              service?: string;
            };
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TicketType'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ticket-types/{id}/public-form': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Publish or withdraw the type's public web form, and say which sites may embed it
     * @description A published form is served at /forms/{id}: anyone may open a ticket of this type with it (rate-limited, with a honeypot). Pages of `allowedOrigins` may show it in an iframe; other sites may not frame it.
     *
     *     Roles: admin, process_owner.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            published: boolean;
            /** @default [] */
            allowedOrigins?: string[];
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TicketType'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ticket-types/{id}/flow': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The editable draft (BPMN XML) of a ticket type
     * @description Roles: admin, process_owner, developer, manager.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Draft */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ticketTypeId: string;
              xml: string;
              updatedAt: string;
              updatedBy: string | null;
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown ticket type (`not-found`), or the type has no draft saved yet (`no-draft`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'] & {
              /** @enum {string} */
              type?: 'https://baton.dev/problems/not-found' | 'https://baton.dev/problems/no-draft';
              /** @enum {string} */
              code?: 'not-found' | 'no-draft';
            };
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Save the draft (BPMN XML, up to 5 MB); it is not checked until validate or deploy
     * @description Roles: admin, process_owner.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            xml: string;
          };
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ticketTypeId: string;
              updatedAt: string;
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ticket-types/{id}/flow/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Compile the draft (or the XML in the body) and return diagnostics with element ids
     * @description Roles: admin, process_owner, developer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            xml?: string;
          };
        };
      };
      responses: {
        /** @description Diagnostics */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
              errors: components['schemas']['Diagnostic'][];
              warnings: components['schemas']['Diagnostic'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown ticket type (`not-found`), or the type has no draft saved yet (`no-draft`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'] & {
              /** @enum {string} */
              type?: 'https://baton.dev/problems/not-found' | 'https://baton.dev/problems/no-draft';
              /** @enum {string} */
              code?: 'not-found' | 'no-draft';
            };
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ticket-types/{id}/flow/deploy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deploy the draft as a new immutable version (refused with 422 and diagnostics while it has errors)
     * @description New tickets start on the latest version; running tickets keep theirs. A compiled flow over 1 MB is refused.
     *
     *     Roles: admin, process_owner.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note?: string;
          };
        };
      };
      responses: {
        /** @description Deployed */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FlowVersionSummary'] & {
              warnings: components['schemas']['Diagnostic'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown ticket type (`not-found`), or the type has no draft saved yet (`no-draft`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'] & {
              /** @enum {string} */
              type?: 'https://baton.dev/problems/not-found' | 'https://baton.dev/problems/no-draft';
              /** @enum {string} */
              code?: 'not-found' | 'no-draft';
            };
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ticket-types/{id}/flow/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Deployed versions, newest first
     * @description Any signed-in user.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Versions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: (components['schemas']['FlowVersionSummary'] & {
                /** @description Running tickets that started on this version (and keep it) */
                runningTickets: number;
              })[];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ticket-types/{id}/flow/versions/{version}/apply-sla': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Apply a version's SLA targets to the running tickets that started on older versions
     * @description Running tickets keep the version they started with; this gives those of older versions this version's SLA targets, by element id (user tasks the version lacks keep theirs; a task it gives no SLA has none when opened later, while one open now keeps its clock). Each open clock keeps the business time it counted and its extensions; levels not yet reached get new deadlines for the new target, levels already reached stay (a timeline entry says from when to when and why); held clocks get them when they resume; closed clocks never change. `runningTickets` says how many running tickets it reached, and lists those it could not (retry by applying again: a repeat moves nothing twice). A refused request reaches no ticket.
     *
     *     Roles: admin, process_owner.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          /** @description The version number (1, 2…) */
          version: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Applied */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              version: number;
              runningTickets: {
                total: number;
                reached: number;
                failed: {
                  ticketId: string;
                  error: string;
                }[];
              };
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/flow-versions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One deployed version: its XML and compiled flow
     * @description Any signed-in user.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Version */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FlowVersionSummary'] & {
              xml: string;
              /** @description The compiled Flow the engine runs (nodes, flows, lanes, SLAs...): the engine's own data type, which changes with the engine, so it is not declared here. */
              compiled: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tickets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List tickets, newest first, with filters and cursor pagination
     * @description `department` and `assignee` match open tasks (`assignee=me` for yourself); `overdue=true` keeps tickets with an overdue ticket or task SLA; `q` searches title, number and customer. Pass `nextCursor` back as `cursor`. Agents and managers see tickets that have been in their departments or that they created.
     *
     *     Roles: admin, agent, manager, developer, process_owner.
     */
    get: {
      parameters: {
        query?: {
          type?: string;
          status?: 'submitted' | 'pending' | 'in_progress' | 'replied' | 'done' | 'cancelled';
          department?: string;
          assignee?: string;
          priority?: 'urgent' | 'high' | 'medium' | 'low';
          overdue?: 'true' | 'false';
          q?: string;
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of tickets */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TicketSummary'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a ticket and start it on its type's latest flow version
     * @description Custom `fields` are checked against the ticket type's field definitions (required, type, options). If the engine cannot start the ticket, nothing is kept.
     *
     *     Roles: admin, agent, manager, developer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            typeId: string;
            title: string;
            /** @enum {string} */
            priority?: 'urgent' | 'high' | 'medium' | 'low';
            /** @enum {string} */
            category?:
              'fault' | 'inquiry' | 'service-request' | 'complaint' | 'suggestion' | 'refund' | 'other';
            service?: string;
            customer?: components['schemas']['Customer'];
            /** @default {} */
            fields?: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Created and started */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TicketDetail'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tickets/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One ticket: fields, open tasks with explained deadlines, stages, timeline, extension requests
     * @description Roles: admin, agent, manager, developer, process_owner.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The ticket */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TicketDetail'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tickets/{id}/stages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The ticket's stages (one per user-task instance) with wall-clock and business durations
     * @description Roles: admin, agent, manager, developer, process_owner.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Stages */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Stage'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tickets/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a customer message: resumes held tasks and feeds message catch events
     * @description The engine receives message `name` (default `customer-reply`) with `{ text, from }`. Recorded by the customer channel (a developer token) or by agents and managers of a department in charge of the ticket now (its open tasks); a former department gets 403.
     *
     *     Roles: admin, agent, manager, developer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            text: string;
            /** @default customer-reply */
            name?: string;
            from?: string;
          };
        };
      };
      responses: {
        /** @description Delivered to the engine */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              accepted: true;
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tickets/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a ticket (closes its open tasks)
     * @description Managers (and admins) may cancel any ticket; agents the tickets they created, while a department of theirs is in charge of it (its open tasks).
     *
     *     Roles: admin, agent, manager.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Cancelled */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TicketDetail'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tickets/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reopen a done ticket (the customer says it is not solved)
     * @description The run goes on with a new task at `elementId` (one of the detail's `reopen` places; default: the stage that closed last) and the flow continues from there as drawn; the whole-ticket clock, and the timing rules started by `ticket.reopened`, begin a new cycle. Who may: those who may record the ticket's customer messages (its last department, managers, admins, the customer's channel). 409: the ticket is not done (a cancelled one was given up, not solved).
     *
     *     Roles: admin, agent, manager, developer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
            elementId?: string;
          };
        };
      };
      responses: {
        /** @description Reopened: the ticket as it stands now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TicketDetail'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/incidents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Open incidents of the open tickets the caller may see, newest first
     * @description For process owners (and admins): where flows stopped, with the element, expression and error.
     *
     *     Roles: admin, process_owner.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Open incidents */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['IncidentListItem'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tickets/{id}/incidents/{incidentId}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retry an open incident, optionally with corrected form fields
     * @description `fields` are merged into the ticket's form fields, checked by the ticket type's form rule, saved on the ticket and given to the engine; then the flow goes on from where it stopped. A retry that fails again opens a new incident (in the answer's `incidents`). 404: no such incident; 409: already resolved or the ticket is finished.
     *
     *     Roles: admin, process_owner.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          incidentId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            fields?: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Retried: the ticket as it stands now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TicketDetail'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tickets/{id}/conversation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The ticket's e-mail conversation with its customer, oldest first
     * @description Roles: admin, agent, manager, developer, process_owner.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The conversation */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The caller may issue and revoke the customer's status link */
              mayManageStatusLink: boolean;
              replies: {
                enabled: boolean;
                /** @description Why the caller cannot reply here (not configured, no address, not in charge) */
                reason?: string;
              };
              items: components['schemas']['ConversationMail'][];
              /** @description The customer's rating once given, with the review of a bad one */
              rating: {
                score: number;
                comment: string;
                ratedAt: string;
                /** @description The rated stage was late (overdue or severe) when it closed */
                late: boolean;
                review: {
                  /**
                   * @description `open`: a bad rating awaiting the department's manager; `none`: not a bad one
                   * @enum {string}
                   */
                  status: 'none' | 'open' | 'closed';
                  reviewedBy: string | null;
                  reviewedAt: string | null;
                  note: string | null;
                };
              } | null;
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tickets/{id}/replies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reply to the customer by e-mail
     * @description Sent from the support mailbox's thread address of this ticket, so the customer's answer comes back to it (and resumes held tasks). Queued in the e-mail outbox and delivered by the workers, with retries: the conversation shows the delivery. 409: e-mail is not configured, or the ticket has no customer e-mail.
     *
     *     Roles: admin, agent, manager, developer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            text: string;
          };
        };
      };
      responses: {
        /** @description Queued for delivery */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ConversationMail'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tickets/{id}/reply-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The ticket type's mail templates, filled in for this ticket and the caller
     * @description Starting points for a reply, by name. A `{{status.url}}` the ticket has no link for yet stays as written; the reply fills it in when it is sent.
     *
     *     Roles: admin, agent, manager, developer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Rendered templates */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                key: string;
                name: string;
                subject: string;
                text: string;
              }[];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tickets/{id}/attachments/{attachmentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download a file that came with a mail
     * @description Always served as a download (application/octet-stream, Content-Disposition: attachment), never rendered: what a customer sends is not trusted.
     *
     *     Roles: admin, agent, manager, developer, process_owner.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          attachmentId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/octet-stream': string;
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/status/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A ticket's status as its customer sees it
     * @description By the token of the link in Baton’s mail to the customer. Shows nothing internal.
     *
     *     Public.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The status */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CustomerStatus'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/status/{token}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The customer adds a message to their open ticket
     * @description Resumes the tasks held for the customer, as their mail would. 409 once the ticket is closed; 429 past 10 messages a minute from one address.
     *
     *     Public.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            text: string;
          };
        };
      };
      responses: {
        /** @description Added: the status as it stands now */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CustomerStatus'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tickets/{id}/status-link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The customer's status link (issued now if the ticket has none)
     * @description For those who may reply to the customer. Every reply by e-mail carries the same link until it is revoked.
     *
     *     Roles: admin, agent, manager, developer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The live link */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              url: string;
              token: string;
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Revoke the customer's status link
     * @description The link stops working at once; the next reply to the customer carries a new one.
     *
     *     Roles: admin, agent, manager, developer.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Whether a live link was revoked */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              revoked: boolean;
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/forms/{typeId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A published web form: its name, description and fields
     * @description Public.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          typeId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The form */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PublicFormDefinition'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/forms/{typeId}/tickets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Open a ticket with a published web form
     * @description Fields are checked as `POST /api/tickets` checks them (422 names each). 429 past 5 tickets in 10 minutes from one address. The customer is mailed a confirmation with their status link.
     *
     *     Public.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          typeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            title: string;
            name?: string;
            /** Format: email */
            email: string;
            phone?: string;
            /** @default {} */
            fields?: {
              [key: string]: unknown;
            };
            website?: string;
          };
        };
      };
      responses: {
        /** @description Received */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              number: number | null;
              statusUrl: string | null;
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/status/{token}/rating': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The customer rates their done request (1-5, with a comment)
     * @description Once per request. A score of 2 or less opens a review for the managers of the department that finished it, and tells them in the app. 409: not done yet, or already rated.
     *
     *     Public.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            score: number;
            /** @default  */
            comment?: string;
          };
        };
      };
      responses: {
        /** @description Rated: the status as it stands now */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CustomerStatus'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Open reviews of bad ratings in the departments the caller answers for, oldest first
     * @description Roles: admin, manager, process_owner, developer, agent.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Open reviews */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['RatingReview'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reviews/{ticketId}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Close the review of a bad rating, with what was done about it
     * @description 403: another department's review; 409: no open review.
     *
     *     Roles: admin, manager, process_owner, developer, agent.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          ticketId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note: string;
          };
        };
      };
      responses: {
        /** @description Closed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              closed: true;
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Open tasks: mine, or my departments' queue, soonest due first
     * @description `actions` come from the read model (the queue does not ask the engine per task); the ticket detail has them from the live state.
     *
     *     Roles: admin, agent, manager.
     */
    get: {
      parameters: {
        query?: {
          scope?: 'mine' | 'department';
          /** @description scope=department: one of your departments (default: all of them; for admins, every department) */
          department?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Open tasks */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['QueueItem'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Claim a task (assign it to yourself)
     * @description Only members of the task's department (or admins). The engine decides: a closed or taken task answers 409, an outcome not offered 422.
     *
     *     Roles: admin, agent, manager.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Global task id `<ticketId>.<taskId>`: the ticket id, a dot, then the engine task id within that ticket (as listed by GET /api/tasks and GET /api/tickets/{id}). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Applied */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ActResult'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Complete a task with one of its outcomes and optional data
     * @description Only members of the task's department (or admins). The engine decides: a closed or taken task answers 409, an outcome not offered 422.
     *
     *     Roles: admin, agent, manager.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Global task id `<ticketId>.<taskId>`: the ticket id, a dot, then the engine task id within that ticket (as listed by GET /api/tasks and GET /api/tickets/{id}). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            outcome?: string;
            data?: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Applied */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ActResult'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Transfer the ticket to another department's entry task
     * @description Only members of the task's department (or admins). The engine decides: a closed or taken task answers 409, an outcome not offered 422.
     *
     *     Roles: admin, agent, manager.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Global task id `<ticketId>.<taskId>`: the ticket id, a dot, then the engine task id within that ticket (as listed by GET /api/tasks and GET /api/tickets/{id}). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            department: string;
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Applied */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ActResult'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Return the ticket to the task that handed it over
     * @description Only members of the task's department (or admins). The engine decides: a closed or taken task answers 409, an outcome not offered 422.
     *
     *     Roles: admin, agent, manager.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Global task id `<ticketId>.<taskId>`: the ticket id, a dot, then the engine task id within that ticket (as listed by GET /api/tasks and GET /api/tickets/{id}). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Applied */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ActResult'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/hold': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Put a task on hold (pauses its SLA clock), e.g. waiting for the customer
     * @description Only members of the task's department (or admins). The engine decides: a closed or taken task answers 409, an outcome not offered 422.
     *
     *     Roles: admin, agent, manager.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Global task id `<ticketId>.<taskId>`: the ticket id, a dot, then the engine task id within that ticket (as listed by GET /api/tasks and GET /api/tickets/{id}). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Applied */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ActResult'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume a held task
     * @description Only members of the task's department (or admins). The engine decides: a closed or taken task answers 409, an outcome not offered 422.
     *
     *     Roles: admin, agent, manager.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Global task id `<ticketId>.<taskId>`: the ticket id, a dot, then the engine task id within that ticket (as listed by GET /api/tasks and GET /api/tickets/{id}). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Applied */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ActResult'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}/extension-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask the department lead for more time on a task's deadline
     * @description The task must be open, its ticket run by the engine (else 409 ticket-not-running: the ticket was imported, or the engine lost it), have an SLA deadline (else 422) and no request pending (else 409).
     *
     *     Roles: admin, agent, manager.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Global task id `<ticketId>.<taskId>`: the ticket id, a dot, then the engine task id within that ticket (as listed by GET /api/tasks and GET /api/tickets/{id}). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            extendByMinutes: number;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Requested */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ExtensionRequest'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/extension-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Extension requests of the departments you lead or manage (admins: all), and your own
     * @description `scope=decide`: only those you decide (the leads’ queue), without the ones you only asked for.
     *
     *     Roles: admin, agent, manager.
     */
    get: {
      parameters: {
        query?: {
          status?: 'pending' | 'granted' | 'denied';
          scope?: 'all' | 'decide';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Requests */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ExtensionRequest'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/extension-requests/{id}/grant': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Grant an extension: the task's deadline moves by the time asked, or by `extendByMinutes`
     * @description Roles: admin, agent, manager.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note?: string;
            /** @description The time to grant; default: the time asked for. */
            extendByMinutes?: number;
          };
        };
      };
      responses: {
        /** @description Granted */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ExtensionRequest'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/extension-requests/{id}/deny': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deny an extension request: the deadline stays, the ticket's timeline records the denial
     * @description Roles: admin, agent, manager.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Why; the timeline shows it. */
            note?: string;
          };
        };
      };
      responses: {
        /** @description Denied */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ExtensionRequest'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/stage-durations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Stage durations per department or task: count, mean, p50/p90/p99, duration bands, SLA attainment
     * @description Closed stages whose close time falls in the range. `clock=business` measures in each stage's business calendar. `measure`: `elapsed` (default) is entered..closed, time on hold included; `waiting` is the time on hold, waiting on the customer (every hold summed); `work` is elapsed minus waiting. Stages recorded before hold time was kept count as no waiting. Bands: < 10 min, 10–30 min, 30 min–1 h, 1–4 h, 4–8 h, 8–24 h, 1–3 d, > 3 d. Managers see every department; agents only departments they lead. `targets` are the SLA targets of each ticket type's latest deployed version, for marking them on the bands.
     *
     *     Roles: admin, manager, process_owner, developer, agent.
     */
    get: {
      parameters: {
        query?: {
          /** @description Evaluated in the organisation's time zone (BATON_TIME_ZONE, else the default calendar's, else UTC). */
          range?:
            | 'today'
            | 'yesterday'
            | 'this-week'
            | 'last-week'
            | 'this-month'
            | 'last-month'
            | 'this-year'
            | 'last-year'
            | 'custom';
          /** @description range=custom: YYYY-MM-DD (local day start) or ISO date-time */
          from?: string;
          /** @description range=custom: YYYY-MM-DD (through the end of that day) or ISO date-time */
          to?: string;
          department?: string;
          typeId?: string;
          by?: 'department' | 'task';
          clock?: 'wall' | 'business';
          measure?: 'elapsed' | 'work' | 'waiting';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Per-group figures */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              range: components['schemas']['ReportRange'];
              by: string;
              clock: string;
              /** @enum {string} */
              measure: 'elapsed' | 'work' | 'waiting';
              groups: components['schemas']['DurationGroup'][];
              targets: components['schemas']['SlaTarget'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/handoffs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Handoffs between departments and the idle gap between one closing and the next opening
     * @description For each stage opened in the range, the previous stage of the same ticket is the one that closed last before it opened; when their departments differ that is a handoff.
     *
     *     Roles: admin, manager, process_owner, developer, agent.
     */
    get: {
      parameters: {
        query?: {
          /** @description Evaluated in the organisation's time zone (BATON_TIME_ZONE, else the default calendar's, else UTC). */
          range?:
            | 'today'
            | 'yesterday'
            | 'this-week'
            | 'last-week'
            | 'this-month'
            | 'last-month'
            | 'this-year'
            | 'last-year'
            | 'custom';
          /** @description range=custom: YYYY-MM-DD (local day start) or ISO date-time */
          from?: string;
          /** @description range=custom: YYYY-MM-DD (through the end of that day) or ISO date-time */
          to?: string;
          department?: string;
          typeId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Handoffs, most frequent first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              range: components['schemas']['ReportRange'];
              handoffs: {
                fromDepartment: string | null;
                toDepartment: string | null;
                count: number;
                /** @description milliseconds */
                gapMeanMs: number;
                /** @description milliseconds */
                gapP50Ms: number;
                /** @description milliseconds */
                gapP90Ms: number;
                /** @description How long the receiving stage waited to be claimed (ms); null when none was */
                pickupP50Ms: number | null;
                /** @description milliseconds */
                pickupP90Ms: number | null;
              }[];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/sla': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * SLA attainment per department (closed stages in the range) and breaches open now
     * @description A stage met its target when it closed at level ok or warning. metAfterExtension: of those, the ones whose clock counted more than the original target (they met it only thanks to an extension); originalAttainment leaves them out.
     *
     *     Roles: admin, manager, process_owner, developer, agent.
     */
    get: {
      parameters: {
        query?: {
          /** @description Evaluated in the organisation's time zone (BATON_TIME_ZONE, else the default calendar's, else UTC). */
          range?:
            | 'today'
            | 'yesterday'
            | 'this-week'
            | 'last-week'
            | 'this-month'
            | 'last-month'
            | 'this-year'
            | 'last-year'
            | 'custom';
          /** @description range=custom: YYYY-MM-DD (local day start) or ISO date-time */
          from?: string;
          /** @description range=custom: YYYY-MM-DD (through the end of that day) or ISO date-time */
          to?: string;
          department?: string;
          typeId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Per department */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              range: components['schemas']['ReportRange'];
              departments: {
                department: string | null;
                closed: number;
                withTarget: number;
                met: number;
                metAfterExtension: number;
                warning: number;
                overdue: number;
                severe: number;
                attainment: number | null;
                originalAttainment: number | null;
                openOverdueNow: number;
                openSevereNow: number;
              }[];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/load': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Load per department and per agent: open tickets, unassigned and overdue stages now, stages closed in the range
     * @description Open figures are as of now; `closed` counts stages closed in the range. Agents are the members with the agent role of the departments in scope, and anyone else assigned their stages, busiest first.
     *
     *     Roles: admin, manager, process_owner, developer, agent.
     */
    get: {
      parameters: {
        query?: {
          /** @description Evaluated in the organisation's time zone (BATON_TIME_ZONE, else the default calendar's, else UTC). */
          range?:
            | 'today'
            | 'yesterday'
            | 'this-week'
            | 'last-week'
            | 'this-month'
            | 'last-month'
            | 'this-year'
            | 'last-year'
            | 'custom';
          /** @description range=custom: YYYY-MM-DD (local day start) or ISO date-time */
          from?: string;
          /** @description range=custom: YYYY-MM-DD (through the end of that day) or ISO date-time */
          to?: string;
          department?: string;
          typeId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Per department and per agent */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              range: components['schemas']['ReportRange'];
              departments: {
                department: string | null;
                openTickets: number;
                openStages: number;
                unassigned: number;
                overdue: number;
                closed: number;
              }[];
              agents: {
                userId: string;
                name: string;
                openTickets: number;
                overdue: number;
                closed: number;
              }[];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/waiting': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Time waiting on the customer (on hold) per department and per agent, with outliers flagged
     * @description Over the stages closed in the range, wall-clock time. A department is compared with the other departments, an agent with the other agents of the same department: a share far above its peers' is how an SLA clock gets gamed. Stages recorded before hold time was kept count as no waiting.
     *
     *     Roles: admin, manager, process_owner, developer, agent.
     */
    get: {
      parameters: {
        query?: {
          /** @description Evaluated in the organisation's time zone (BATON_TIME_ZONE, else the default calendar's, else UTC). */
          range?:
            | 'today'
            | 'yesterday'
            | 'this-week'
            | 'last-week'
            | 'this-month'
            | 'last-month'
            | 'this-year'
            | 'last-year'
            | 'custom';
          /** @description range=custom: YYYY-MM-DD (local day start) or ISO date-time */
          from?: string;
          /** @description range=custom: YYYY-MM-DD (through the end of that day) or ISO date-time */
          to?: string;
          department?: string;
          typeId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Per department and per agent */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              range: components['schemas']['ReportRange'];
              departments: {
                department: string | null;
                /** @description Stages closed in the range */
                stages: number;
                /** @description Of those, how many were ever on hold */
                held: number;
                /** @description milliseconds */
                elapsedMs: number;
                /** @description milliseconds */
                waitingMs: number;
                /** @description waitingMs / elapsedMs */
                waitingShare: number | null;
                /** @description Waiting share at least twice its peers' median and 15 points above it, over at least 5 stages */
                outlier: boolean;
              }[];
              agents: {
                department: string | null;
                userId: string;
                name: string;
                /** @description Stages closed in the range */
                stages: number;
                /** @description Of those, how many were ever on hold */
                held: number;
                /** @description milliseconds */
                elapsedMs: number;
                /** @description milliseconds */
                waitingMs: number;
                /** @description waitingMs / elapsedMs */
                waitingShare: number | null;
                /** @description Waiting share at least twice its peers' median and 15 points above it, over at least 5 stages */
                outlier: boolean;
              }[];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/satisfaction': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Customer satisfaction per department and per agent, with bad ratings of late and on-time tickets apart
     * @description Over the ratings given in the range, each about the department and agent of its ticket's last stage. Bad: a score of 2 or less.
     *
     *     Roles: admin, manager, process_owner, developer, agent.
     */
    get: {
      parameters: {
        query?: {
          /** @description Evaluated in the organisation's time zone (BATON_TIME_ZONE, else the default calendar's, else UTC). */
          range?:
            | 'today'
            | 'yesterday'
            | 'this-week'
            | 'last-week'
            | 'this-month'
            | 'last-month'
            | 'this-year'
            | 'last-year'
            | 'custom';
          /** @description range=custom: YYYY-MM-DD (local day start) or ISO date-time */
          from?: string;
          /** @description range=custom: YYYY-MM-DD (through the end of that day) or ISO date-time */
          to?: string;
          department?: string;
          typeId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Per department and per agent */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              range: components['schemas']['ReportRange'];
              departments: {
                department: string | null;
                ratings: number;
                meanScore: number | null;
                bad: number;
                badShare: number | null;
                /** @description Bad share among tickets whose last stage was late (overdue or severe) */
                badShareWhenLate: number | null;
                badShareOnTime: number | null;
              }[];
              agents: {
                department: string | null;
                userId: string;
                name: string;
                ratings: number;
                meanScore: number | null;
                bad: number;
                badShare: number | null;
                /** @description Bad share among tickets whose last stage was late (overdue or severe) */
                badShareWhenLate: number | null;
                badShareOnTime: number | null;
              }[];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/service': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Ticket sources, first-contact resolution per department and average handling time per department and agent
     * @description Three figures for the range. **sources**: tickets created in the range per source (agent: a person in the UI; api: a script with a token; form: a public web form; email: the support mailbox), every source listed; `unknown` counts tickets from before sources were recorded and is listed only when there are some; share = tickets / all listed tickets. **firstContact**: tickets done (status done, not cancelled) whose close falls in the range, each attributed to the department of its first stage (earliest entered); a first-contact resolution is one whose every stage was in that department, so no transfer or handoff to another department; rate = firstContact / done; tickets without stages are left out; `overall` sums the departments listed. **handling**: stages closed in the range that were claimed: the mean work time (claimed until closed, time on hold included) in wall-clock and business time, per department and per agent within a department (the stage's assignee). Scope: sources and first contact follow the first stage's department, handling each stage's department; managers of their memberships and department leads see their departments only, and an unscoped caller's sources count every ticket created, those with no stage yet too.
     *
     *     Roles: admin, manager, process_owner, developer, agent.
     */
    get: {
      parameters: {
        query?: {
          /** @description Evaluated in the organisation's time zone (BATON_TIME_ZONE, else the default calendar's, else UTC). */
          range?:
            | 'today'
            | 'yesterday'
            | 'this-week'
            | 'last-week'
            | 'this-month'
            | 'last-month'
            | 'this-year'
            | 'last-year'
            | 'custom';
          /** @description range=custom: YYYY-MM-DD (local day start) or ISO date-time */
          from?: string;
          /** @description range=custom: YYYY-MM-DD (through the end of that day) or ISO date-time */
          to?: string;
          department?: string;
          typeId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Sources, first-contact resolution and handling time */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              range: components['schemas']['ReportRange'];
              sources: {
                /** @enum {string} */
                source: 'agent' | 'api' | 'form' | 'email' | 'unknown';
                tickets: number;
                share: number | null;
              }[];
              firstContact: {
                overall: {
                  /** @description Tickets done (not cancelled) with their close in the range */
                  done: number;
                  /** @description Of those, the tickets whose every stage was in the first stage’s department */
                  firstContact: number;
                  /** @description firstContact / done; null without done tickets */
                  rate: number | null;
                };
                departments: {
                  department: string | null;
                  /** @description Tickets done (not cancelled) with their close in the range */
                  done: number;
                  /** @description Of those, the tickets whose every stage was in the first stage’s department */
                  firstContact: number;
                  /** @description firstContact / done; null without done tickets */
                  rate: number | null;
                }[];
              };
              handling: {
                departments: {
                  department: string | null;
                  /** @description Claimed stages closed in the range */
                  stages: number;
                  /** @description Mean claimed..closed, wall-clock (ms), time on hold included */
                  meanWorkMs: number;
                  /** @description Mean claimed..closed in each stage's business calendar (ms), time on hold included */
                  meanBusinessWorkMs: number;
                }[];
                agents: {
                  department: string | null;
                  userId: string;
                  name: string;
                  /** @description Claimed stages closed in the range */
                  stages: number;
                  /** @description Mean claimed..closed, wall-clock (ms), time on hold included */
                  meanWorkMs: number;
                  /** @description Mean claimed..closed in each stage's business calendar (ms), time on hold included */
                  meanBusinessWorkMs: number;
                }[];
              };
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/response-times': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * First-response and resolution time distributions per department: count, mean, p50/p90, duration bands
     * @description Two distributions for the range, wall-clock time only (a ticket crosses departments with their own calendars, and business time is kept per stage, not per ticket). **firstResponse**: tickets created in the range; a ticket's first response time runs from its creation to the first reply an agent sent the customer (an outgoing ticket mail with an author; Baton's automatic mails have none and do not count); tickets without such a reply yet are counted in `noResponseYet` and left out of the distribution. **resolution**: tickets done (status done, not cancelled) whose close falls in the range; resolution time runs from creation to close. Each ticket is attributed to the department of its first stage (earliest entered); tickets without a stage are left out; `overall` covers the departments listed. p50/p90 are exact (percentile_cont); null with no measured ticket. Bands as the stage-durations report's: < 10 min, 10–30 min, 30 min–1 h, 1–4 h, 4–8 h, 8–24 h, 1–3 d, > 3 d. Managers of their memberships and department leads see their departments only.
     *
     *     Roles: admin, manager, process_owner, developer, agent.
     */
    get: {
      parameters: {
        query?: {
          /** @description Evaluated in the organisation's time zone (BATON_TIME_ZONE, else the default calendar's, else UTC). */
          range?:
            | 'today'
            | 'yesterday'
            | 'this-week'
            | 'last-week'
            | 'this-month'
            | 'last-month'
            | 'this-year'
            | 'last-year'
            | 'custom';
          /** @description range=custom: YYYY-MM-DD (local day start) or ISO date-time */
          from?: string;
          /** @description range=custom: YYYY-MM-DD (through the end of that day) or ISO date-time */
          to?: string;
          department?: string;
          typeId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description First-response and resolution distributions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              range: components['schemas']['ReportRange'];
              /** @enum {string} */
              clock: 'wall';
              firstResponse: {
                overall: {
                  /** @description Tickets with a time measured */
                  count: number;
                  /** @description Mean (ms); null without measured tickets */
                  meanMs: number | null;
                  /** @description milliseconds */
                  p50Ms: number | null;
                  /** @description milliseconds */
                  p90Ms: number | null;
                  histogram: {
                    key: string;
                    label: string;
                    /** @description The band's exclusive upper bound; null for the last, open band */
                    upToMs: number | null;
                    count: number;
                  }[];
                  /** @description Tickets created in the range that no agent has replied to yet; not in the distribution */
                  noResponseYet: number;
                };
                departments: {
                  department: string | null;
                  /** @description Tickets with a time measured */
                  count: number;
                  /** @description Mean (ms); null without measured tickets */
                  meanMs: number | null;
                  /** @description milliseconds */
                  p50Ms: number | null;
                  /** @description milliseconds */
                  p90Ms: number | null;
                  histogram: {
                    key: string;
                    label: string;
                    /** @description The band's exclusive upper bound; null for the last, open band */
                    upToMs: number | null;
                    count: number;
                  }[];
                  /** @description Tickets created in the range that no agent has replied to yet; not in the distribution */
                  noResponseYet: number;
                }[];
              };
              resolution: {
                overall: {
                  /** @description Tickets with a time measured */
                  count: number;
                  /** @description Mean (ms); null without measured tickets */
                  meanMs: number | null;
                  /** @description milliseconds */
                  p50Ms: number | null;
                  /** @description milliseconds */
                  p90Ms: number | null;
                  histogram: {
                    key: string;
                    label: string;
                    /** @description The band's exclusive upper bound; null for the last, open band */
                    upToMs: number | null;
                    count: number;
                  }[];
                };
                departments: {
                  department: string | null;
                  /** @description Tickets with a time measured */
                  count: number;
                  /** @description Mean (ms); null without measured tickets */
                  meanMs: number | null;
                  /** @description milliseconds */
                  p50Ms: number | null;
                  /** @description milliseconds */
                  p90Ms: number | null;
                  histogram: {
                    key: string;
                    label: string;
                    /** @description The band's exclusive upper bound; null for the last, open band */
                    upToMs: number | null;
                    count: number;
                  }[];
                }[];
              };
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/rule-clocks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Attainment of the timing rules' clocks per rule and department: met, counted and paused time, overdue now
     * @description Each ticket's timing-rule clocks as last measured (whenever its facts change). `stopped` figures cover the clocks that stopped in the range; `openNow` and `overdueNow` are as of now. Counted time is business time on the rule's calendar; paused time is beside it, never in it. A clock belongs to the department of its ticket's first stage (earliest entered); tickets without a stage are left out when departments are filtered. Managers of their memberships and department leads see their departments only.
     *
     *     Roles: admin, manager, process_owner, developer, agent.
     */
    get: {
      parameters: {
        query?: {
          /** @description Evaluated in the organisation's time zone (BATON_TIME_ZONE, else the default calendar's, else UTC). */
          range?:
            | 'today'
            | 'yesterday'
            | 'this-week'
            | 'last-week'
            | 'this-month'
            | 'last-month'
            | 'this-year'
            | 'last-year'
            | 'custom';
          /** @description range=custom: YYYY-MM-DD (local day start) or ISO date-time */
          from?: string;
          /** @description range=custom: YYYY-MM-DD (through the end of that day) or ISO date-time */
          to?: string;
          department?: string;
          typeId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Per timing rule */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              range: components['schemas']['ReportRange'];
              rules: {
                key: string;
                name: string;
                overall: {
                  /** @description Clocks that stopped in the range */
                  stopped: number;
                  /** @description Of those, within their target */
                  met: number;
                  /** @description met / stopped; null when none stopped */
                  attainment: number | null;
                  /** @description Time counted on the rule's calendar, p50 (exact) */
                  p50CountedMs: number | null;
                  /** @description milliseconds */
                  p90CountedMs: number | null;
                  /** @description Mean time paused (not counted) */
                  meanPausedMs: number | null;
                  /** @description Paused time over counted plus paused time of the stopped clocks */
                  pausedShare: number | null;
                  /** @description Running or paused now */
                  openNow: number;
                  /** @description Of those, past their target now */
                  overdueNow: number;
                };
                departments: {
                  department: string | null;
                  /** @description Clocks that stopped in the range */
                  stopped: number;
                  /** @description Of those, within their target */
                  met: number;
                  /** @description met / stopped; null when none stopped */
                  attainment: number | null;
                  /** @description Time counted on the rule's calendar, p50 (exact) */
                  p50CountedMs: number | null;
                  /** @description milliseconds */
                  p90CountedMs: number | null;
                  /** @description Mean time paused (not counted) */
                  meanPausedMs: number | null;
                  /** @description Paused time over counted plus paused time of the stopped clocks */
                  pausedShare: number | null;
                  /** @description Running or paused now */
                  openNow: number;
                  /** @description Of those, past their target now */
                  overdueNow: number;
                }[];
              }[];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stages/stuck': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Open stages at or beyond an SLA level, most overdue first
     * @description `overdueRatio` is the time elapsed over the time allowed (1 = due now; 1.3 = severely overdue).
     *
     *     Roles: admin, manager, process_owner, developer, agent.
     */
    get: {
      parameters: {
        query?: {
          department?: string;
          level?: 'warning' | 'overdue' | 'severe';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Stuck stages */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                ticketId: string;
                ticketNumber: number;
                ticketTitle: string;
                taskId: string;
                globalTaskId: string;
                elementId: string;
                name: string;
                department: string | null;
                assignee: {
                  id: string;
                  name: string;
                } | null;
                enteredAt: string;
                dueAt: string | null;
                slaLevel: string;
                /** @description milliseconds */
                ageMs: number;
                overdueRatio: number | null;
              }[];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/flow-versions/{id}/heatmap': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Per-element figures of a flow version: open now, completed in range, p50, p90, overdue
     * @description p50 and p90 are wall-clock durations of the stages closed in the range; `measure` as for stage-durations: `elapsed` (default), `work` (elapsed minus time on hold) or `waiting` (time on hold; unknown for stages recorded before hold time was kept, counted as none).
     *
     *     Roles: admin, manager, process_owner, developer, agent.
     */
    get: {
      parameters: {
        query?: {
          /** @description Evaluated in the organisation's time zone (BATON_TIME_ZONE, else the default calendar's, else UTC). */
          range?:
            | 'today'
            | 'yesterday'
            | 'this-week'
            | 'last-week'
            | 'this-month'
            | 'last-month'
            | 'this-year'
            | 'last-year'
            | 'custom';
          /** @description range=custom: YYYY-MM-DD (local day start) or ISO date-time */
          from?: string;
          /** @description range=custom: YYYY-MM-DD (through the end of that day) or ISO date-time */
          to?: string;
          department?: string;
          measure?: 'elapsed' | 'work' | 'waiting';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Per element */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              range: components['schemas']['ReportRange'];
              flowVersionId: string;
              elements: {
                elementId: string;
                name: string;
                department: string | null;
                openNow: number;
                done: number;
                p50Ms: number | null;
                p90Ms: number | null;
                overdue: number;
              }[];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My in-app notifications, newest first, with cursor pagination
     * @description Pass `nextCursor` back as `cursor`; `unread=true` keeps the unread ones.
     *
     *     Any signed-in user.
     */
    get: {
      parameters: {
        query?: {
          unread?: 'true' | 'false';
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of notifications */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Notification'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/unread-count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * How many of my in-app notifications are unread
     * @description Any signed-in user.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Unread count */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UnreadNotifications'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark one of my notifications read
     * @description Marking it again keeps the first time. Another person’s notification is a 404.
     *
     *     Any signed-in user.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Marked read */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Notification'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark all my unread notifications read
     * @description Any signed-in user.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description How many were marked */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              marked: number;
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The webhook subscriptions, with their deliveries counted, and the retry policy
     * @description Roles: admin, developer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every subscription */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['WebhookSubscription'][];
              /** @description How a failed delivery is retried (the delivery workflow's policy) */
              retry: {
                initialIntervalMs: number;
                backoffCoefficient: number;
                maximumIntervalMs: number;
                maximumAttempts: number;
              };
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Subscribe a URL to ticket events
     * @description Each event is POSTed as JSON, signed with the secret answered here (only here), and retried with backoff up to 8 attempts until the receiver answers 2xx; every attempt is logged.
     *
     *     Roles: admin, developer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uri
             * @example https://crm.example.com/hooks/baton
             */
            url: string;
            description?: string;
            events: (
              | 'ticket.created'
              | 'ticket.stage_changed'
              | 'ticket.sla_level'
              | 'ticket.done'
              | 'ticket.rated'
              | 'ticket.reopened'
            )[];
            typeId?: string | null;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Subscribed; keep the secret */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookSubscriptionWithSecret'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a subscription with its delivery log
     * @description Roles: admin, developer.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a subscription, pause or resume it, or rotate its secret
     * @description Fields left out stay as they are. `rotateSecret: true` answers the new secret (only then); deliveries from then on are signed with it. A paused subscription queues nothing, and its pending deliveries fail.
     *
     *     Roles: admin, developer.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uri
             * @example https://crm.example.com/hooks/baton
             */
            url?: string;
            description?: string;
            events?: (
              | 'ticket.created'
              | 'ticket.stage_changed'
              | 'ticket.sla_level'
              | 'ticket.done'
              | 'ticket.rated'
              | 'ticket.reopened'
            )[];
            typeId?: string | null;
            active?: boolean;
            rotateSecret?: boolean;
          };
        };
      };
      responses: {
        /** @description Changed (with the new secret when rotated) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookSubscription'] & {
              secret?: string;
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A subscription's delivery log, newest first, each delivery with its attempts
     * @description Pass `nextCursor` back as `cursor`.
     *
     *     Roles: admin, developer.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          status?: 'pending' | 'delivered' | 'failed';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of deliveries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['WebhookDelivery'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deliver a delivered or failed event again
     * @description The same payload, event id and a fresh round of attempts; its log goes on. 409 while it is still being delivered.
     *
     *     Roles: admin, developer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          deliveryId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Queued again */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ticket-types/{id}/mail-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The ticket type's mail templates
     * @description Placeholders: `{{ticket.number}}`, `{{ticket.title}}`, `{{ticket.status}}`, `{{customer.name}}`, `{{customer.email}}`, `{{status.url}}`, `{{agent.name}}` and `{{fields.<key>}}` for each of the type's fields.
     *
     *     Roles: admin, agent, manager, developer, process_owner.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description By name */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['MailTemplate'][];
              /** @description Each placeholder with what it holds */
              placeholders: {
                [key: string]: string;
              };
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ticket-types/{id}/mail-templates/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Create or replace a mail template
     * @description Placeholders: `{{ticket.number}}`, `{{ticket.title}}`, `{{ticket.status}}`, `{{customer.name}}`, `{{customer.email}}`, `{{status.url}}`, `{{agent.name}}` and `{{fields.<key>}}` for each of the type's fields. An unknown placeholder is refused, named with where it is. The flow's `email-customer` service tasks send it by key (`template` input).
     *
     *     Roles: admin, process_owner.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            subject: string;
            body: string;
          };
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MailTemplate'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /**
     * Delete a mail template
     * @description A flow's email-customer task that still sends it fails without retrying: the ticket's `error` variable names the missing template, for the flow to route on.
     *
     *     Roles: admin, process_owner.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timing-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The timing rules, each at its latest version
     * @description Roles: admin, agent, manager, developer, process_owner.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every rule */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimingRuleVersion'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timing-rules/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every version of one timing rule, newest first
     * @description Roles: admin, agent, manager, developer, process_owner.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The versions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimingRuleVersion'][];
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Save a new version of a timing rule (the first creates it)
     * @description Tickets created from now on are timed by this version; tickets already created keep the version they were created under. `active: false` retires the rule for tickets created later. A refused rule adds no version; each problem names its field (`body.rule.targetsMs.high`, `body.rule.stop.0.department`, …).
     *
     *     Roles: admin, process_owner.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            rule: components['schemas']['TimingRuleBody'];
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Saved as a new version */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TimingRuleVersion'];
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/timing-rules/{key}/apply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Apply a rule's latest version to the running tickets created under earlier ones
     * @description Their clocks count against it from now on: the time counted and the levels reached stay, the levels ahead get new deadlines, and each clock's explanation records the move with the old and new target. Stopped clocks never change. 409 when the latest version is retired. A repeat reaches no ticket.
     *
     *     Roles: admin, process_owner.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Applied */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The version applied */
              version: number;
              /** @description The running tickets it reached */
              tickets: number;
            };
          };
        };
        /** @description Malformed request (`malformed-json`, `bad-request`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not authenticated (`unauthenticated`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The caller may not do this (`forbidden`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unknown resource (`not-found`) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource changed or is held by someone else (`conflict`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Body too large (`payload-too-large`) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid input (`validation-failed`), with `errors[]` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited (`rate-limited`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Health: {
      /** @enum {string} */
      status: 'ok' | 'degraded';
      database: {
        mode: string;
        ok: boolean;
        latencyMs?: number;
      };
      engine: {
        mode: string;
        durable: boolean;
        warning: string | null;
      };
    };
    Problem: {
      type: string;
      title: string;
      status: number;
      detail: string;
      /** @description Stable machine-readable code, e.g. `validation-failed`, `conflict`. */
      code: string;
      instance: string;
      errors?: {
        path: string;
        message: string;
        code?: string;
      }[];
    };
    Activity: {
      /** @description What a service task names in baton:activity */
      type: string;
      title: string;
      description: string;
      /** @description The JSON Schema (2020-12) of the activity's input, an object schema: each property is one <baton:input>. A standard vocabulary, so its keywords are not declared here. */
      inputSchema: {
        [key: string]: unknown;
      };
      /** @description Attempts after the first when the diagram sets no baton:retries */
      retries: number;
      /** @description Per attempt, when the diagram sets no baton:timeout */
      timeoutMs: number;
    };
    Me: {
      id: string;
      email: string;
      name: string;
      roles: components['schemas']['Role'][];
      departments: string[];
      /** @description Departments this user leads. */
      leads: string[];
    };
    /** @enum {string} */
    Role: 'admin' | 'process_owner' | 'agent' | 'manager' | 'developer';
    ApiToken: {
      id: string;
      name: string;
      createdAt: string;
      lastUsedAt: string | null;
      revokedAt: string | null;
    };
    Department: {
      key: string;
      name: string;
      leadUserId: string | null;
      /** @description The manager who answers for the department: its tasks' manager notifications and severe SLA escalations reach them (every manager when null). */
      managerUserId: string | null;
      email: string | null;
      /** @description The department's own business hours: its tasks' SLA clocks count on this calendar, whatever calendar a task names, and so does the ticket's clock while the department holds the ticket (null: the flow's calendar). Tickets started later count on it from the start; running tickets switch to it when it is changed (PATCH answers `runningTickets`). */
      calendarKey: string | null;
      members: string[];
    };
    ChangedDepartment: components['schemas']['Department'] & {
      /** @description Present when the change gave the department another calendar (or none of its own). */
      runningTickets?: {
        total: number;
        reached: number;
        failed: {
          ticketId: string;
          error: string;
        }[];
      };
    };
    User: {
      id: string;
      email: string;
      name: string;
      roles: components['schemas']['Role'][];
      departments: string[];
      managerScope: components['schemas']['ManagerScope'];
      active: boolean;
    };
    /**
     * @description What the manager role covers for this user, as an admin decides: every department's tickets and figures (every_department), or only those of the departments the user is a member of (memberships). Nothing without the manager role.
     * @enum {string}
     */
    ManagerScope: 'every_department' | 'memberships';
    Calendar: {
      key: string;
      name: string;
      spec: components['schemas']['CalendarSpec'];
      isDefault: boolean;
    };
    CalendarSpec: {
      timeZone: string;
      week: {
        mon?: [string, string][];
        tue?: [string, string][];
        wed?: [string, string][];
        thu?: [string, string][];
        fri?: [string, string][];
        sat?: [string, string][];
        sun?: [string, string][];
      };
      holidays?: string[];
    };
    SavedCalendar: components['schemas']['Calendar'] & {
      runningTickets: {
        total: number;
        reached: number;
        failed: {
          ticketId: string;
          error: string;
        }[];
      };
    };
    TicketType: {
      id: string;
      name: string;
      description: string;
      fields: components['schemas']['FieldDefinition'][];
      defaults: components['schemas']['TicketTypeDefaults'];
      latestVersion: {
        id: string;
        version: number;
      } | null;
      hasDraft: boolean;
      publicForm: components['schemas']['PublicForm'];
    };
    FieldDefinition: {
      key: string;
      label: string;
      /** @enum {string} */
      type: 'text' | 'textarea' | 'number' | 'boolean' | 'select' | 'date' | 'email';
      required?: boolean;
      options?: string[];
    };
    /** @description What a new ticket of the type starts with when its request does not say. */
    TicketTypeDefaults: {
      /** @enum {string} */
      priority?: 'urgent' | 'high' | 'medium' | 'low';
      /** @enum {string} */
      category?: 'fault' | 'inquiry' | 'service-request' | 'complaint' | 'suggestion' | 'refund' | 'other';
      service?: string;
      /** @description Custom field values a new ticket starts with, by field key (set by seeds; not taken by PUT). */
      fields?: {
        [key: string]: unknown;
      };
    };
    PublicForm: {
      /** @description Served at /forms/{id} for anyone, no account needed */
      published: boolean;
      /** @description Origins whose pages may embed the form in an iframe */
      allowedOrigins: string[];
    };
    Diagnostic: {
      code: string;
      message: string;
      elementId?: string;
      /** @enum {string} */
      severity: 'error' | 'warning';
    };
    FlowVersionSummary: {
      id: string;
      ticketTypeId: string;
      version: number;
      deployedAt: string;
      deployedBy: string | null;
    };
    TicketDetail: {
      id: string;
      number: number;
      type: {
        id: string;
        name: string;
      };
      flowVersionId: string;
      title: string;
      /** @enum {string} */
      priority: 'urgent' | 'high' | 'medium' | 'low';
      /** @enum {string} */
      category: 'fault' | 'inquiry' | 'service-request' | 'complaint' | 'suggestion' | 'refund' | 'other';
      service: string | null;
      /** @enum {string} */
      status: 'submitted' | 'pending' | 'in_progress' | 'replied' | 'done' | 'cancelled';
      customer: components['schemas']['Customer'];
      /** @description The ticket type's custom form fields by key; each type defines its own (TicketType.fields). */
      fields: {
        [key: string]: unknown;
      };
      ownerId: string | null;
      createdBy: string | null;
      createdAt: string;
      updatedAt: string;
      closedAt: string | null;
      /** @description The older system the ticket was imported from, with its history as it stood there: no engine runs it, so it is read only (its tasks offer no action; an admin may cancel it to close its open stages). null: Baton runs it. */
      importedFrom: string | null;
      sla: {
        level: components['schemas']['SlaLevel'];
        dueAt: string | null;
        /** @description Null when the engine did not answer or the ticket has no SLA. */
        explanation: components['schemas']['SlaExplanation'] | null;
      };
      /** @description The timing rules' clocks (first response, resolution, …), measured from the ticket's recorded events; their levels are recorded and notified at their instants. */
      clocks: components['schemas']['TicketClock'][];
      /** @description False when the engine does not run the ticket (an imported one, one an in-memory restart lost) or did not answer: open tasks come from the read model. */
      live: boolean;
      openTasks: components['schemas']['OpenTask'][];
      stages: components['schemas']['Stage'][];
      timeline: components['schemas']['TicketEvent'][];
      extensionRequests: components['schemas']['TicketExtensionRequest'][];
      /** @description Open incidents, oldest first: the flow stopped there until a process owner retries (POST .../incidents/{incidentId}/retry) or someone cancels the ticket. */
      incidents: components['schemas']['Incident'][];
      /** @description Where the caller may reopen this done ticket (POST .../reopen), the default first: the stage that closed last. Null when the ticket is not done or the caller may not reopen it. */
      reopen:
        | {
            elementId: string;
            name: string;
          }[]
        | null;
    };
    Customer: {
      name?: string;
      /** Format: email */
      email?: string;
      phone?: string;
      tier?: string;
    };
    /**
     * @description ok; warning (past baton:warnAt of the target); overdue (past the target); severe (past baton:severeAt).
     * @enum {string}
     */
    SlaLevel: 'ok' | 'warning' | 'overdue' | 'severe';
    /** @description Why the deadline of an SLA clock is where it is: the business time counted, pauses, extensions, calendar edits. */
    SlaExplanation: {
      /** @description The target, with granted extensions, in business time */
      targetMs: number;
      /** @description The business calendar it counts in */
      calendar?: string;
      /** @description Absent while held */
      dueAt?: number;
      consumedMs: number;
      remainingMs: number;
      /** @description The spans counted: running, not paused, inside the open hours of the calendar */
      segments: {
        /** @description Epoch milliseconds */
        from: number;
        /** @description Epoch milliseconds */
        to: number;
      }[];
      /** @description The clock's life end to end, from its start to now or to when it stopped: counting (running in open hours), closed (running outside them: nothing counted) and paused (on hold) stretches. Their lengths add up to the elapsed time, the counting ones to consumedMs. */
      ledger: {
        /** @enum {string} */
        kind: 'counting' | 'closed' | 'paused';
        /** @description Epoch milliseconds */
        from: number;
        /** @description Epoch milliseconds */
        to: number;
        /** @description paused: the reason of the hold */
        reason?: string;
        /** @description counting and closed: the calendar in force then (absent: wall-clock time); it changes where the ticket moved to a department keeping other hours */
        calendar?: string;
      }[];
      pauses: {
        /** @description Epoch milliseconds */
        from: number;
        /** @description Epoch milliseconds */
        to?: number;
        reason: string;
      }[];
      extensions: {
        /** @description Epoch milliseconds */
        at: number;
        byMs: number;
        by: string;
      }[];
      /** @description Deadlines moved by calendar edits, department handoffs and SLA policy changes, oldest first; the first `fromDueAt` is the original deadline */
      recalculations: {
        /** @description Epoch milliseconds */
        at: number;
        /** @description Epoch milliseconds */
        fromDueAt: number;
        /** @description Epoch milliseconds */
        toDueAt: number;
        reason: string;
        /** @description The target before and after, when an SLA policy changed it */
        targetMs?: {
          from: number;
          to: number;
        };
        /** @description The calendar before and after, when the clock changed calendars (absent: wall-clock time) */
        calendar?: {
          from?: string;
          to?: string;
        };
      }[];
    };
    /** @description A timing rule's clock on the ticket, measured from its recorded events on the rule version current when the ticket was created. */
    TicketClock: {
      key: string;
      name: string;
      /** @description The version of the rule current when the ticket was created. */
      version: number;
      /** @description 1 for the clock's first run; one more for each reopen that started it again. */
      cycle: number;
      /** @enum {string} */
      state: 'waiting' | 'running' | 'paused' | 'stopped';
      /** @description The rule's target for the ticket's priority */
      targetMs: number;
      level: components['schemas']['SlaLevel'];
      /** @description Stopped: whether the time counted stayed within the target */
      met?: boolean;
      startedAt?: number;
      stoppedAt?: number;
      explanation?: components['schemas']['SlaExplanation'] & unknown;
      /** @description Running: the levels ahead and when each falls due if the clock keeps running (epoch ms). Each is recorded and notified at its instant. */
      pendingLevels: {
        /** @enum {string} */
        level: 'warning' | 'overdue' | 'severe';
        at: number;
      }[];
      /** @description The cycles a reopen ended, oldest first (stopped). Only a rule whose start names `ticket.reopened` has them. */
      earlier: {
        /** @description 1 for the clock's first run; one more for each reopen that started it again. */
        cycle: number;
        /** @enum {string} */
        state: 'waiting' | 'running' | 'paused' | 'stopped';
        /** @description The rule's target for the ticket's priority */
        targetMs: number;
        level: components['schemas']['SlaLevel'];
        /** @description Stopped: whether the time counted stayed within the target */
        met?: boolean;
        startedAt?: number;
        stoppedAt?: number;
        explanation?: components['schemas']['SlaExplanation'] & unknown;
        /** @description Running: the levels ahead and when each falls due if the clock keeps running (epoch ms). Each is recorded and notified at its instant. */
        pendingLevels: {
          /** @enum {string} */
          level: 'warning' | 'overdue' | 'severe';
          at: number;
        }[];
      }[];
      /** @description The rule's filter could not be evaluated on this ticket (a field it reads is missing…): not measured. */
      filterError?: string;
    };
    OpenTask: {
      /** @description Global task id `<ticketId>.<taskId>`: the ticket id, a dot, then the engine task id within that ticket (as listed by GET /api/tasks and GET /api/tickets/{id}). */
      id: string;
      taskId: string;
      elementId: string;
      name: string;
      department: string | null;
      outcomes: string[];
      assignee: string | null;
      openedAt: string;
      claimedAt: string | null;
      dueAt: string | null;
      held: boolean;
      slaLevel: components['schemas']['SlaLevel'];
      /** @description Why the deadline is where it is. Null when the engine did not answer or the task has no SLA; absent in action answers. */
      sla?: components['schemas']['SlaExplanation'] | null;
      actions: components['schemas']['TaskActions'];
    };
    /** @description What the caller may do with the task now: each flag is true only when the matching POST would be accepted. */
    TaskActions: {
      claim: boolean;
      /** @description null: may not complete; no outcomes: a plain complete. */
      complete: {
        outcomes: string[];
      } | null;
      /** @description The departments it may go to (the task's baton:transferTo); null: may not transfer. */
      transfer: {
        departments: string[];
      } | null;
      /** @description Back to the task that handed it over (baton:returnable). */
      return: boolean;
      hold: boolean;
      resume: boolean;
      /** @description Open, its ticket run by the engine, has an SLA, no request pending. */
      requestExtension: boolean;
      /** @description May cancel the ticket (POST /tickets/{id}/cancel). */
      cancel: boolean;
    };
    Stage: {
      /** @description Global task id `<ticketId>.<taskId>`: the ticket id, a dot, then the engine task id within that ticket (as listed by GET /api/tasks and GET /api/tickets/{id}). */
      id: string;
      taskId: string;
      elementId: string;
      name: string;
      department: string | null;
      assigneeId: string | null;
      enteredAt: string;
      claimedAt: string | null;
      closedAt: string | null;
      outcome: string | null;
      /** @description Null: the task has no SLA */
      slaTargetMs: number | null;
      dueAt: string | null;
      slaLevel: components['schemas']['SlaLevel'];
      /** @description Entered to closed, wall clock; null while open */
      totalMs: number | null;
      /** @description Entered to closed in the stage's business calendar; null while open */
      businessTotalMs: number | null;
      /** @description Entered to claimed, wall clock */
      queueMs: number | null;
      /** @description Claimed to closed, wall clock */
      workMs: number | null;
      /** @description Time on hold (waiting on the customer), wall clock, every hold summed: once closed, of totalMs (working time = totalMs - heldMs); while open, the holds that have ended (add now - heldSince for the one in progress). Null: unknown, recorded before hold time was kept (reports count it as 0) */
      heldMs: number | null;
      /** @description The same in the stage's business calendar, of businessTotalMs. Null: unknown */
      businessHeldMs: number | null;
      /** @description Open and on hold: when the hold in progress began; null otherwise */
      heldSince: string | null;
    };
    TicketEvent: {
      /** @description The engine step that wrote it */
      seq: number;
      /** @example task.completed */
      type: string;
      at: string;
      actorId: string | null;
      /** @description The engine task id within the ticket */
      taskId: string | null;
      /** @description What the engine event or effect of this `type` carried (e.g. `outcome` of task.completed, `level` of sla.level): its fields vary by type, so they are not declared here. */
      data: {
        [key: string]: unknown;
      };
    };
    TicketExtensionRequest: {
      id: string;
      /** @description The engine task id within the ticket */
      taskId: string;
      requestedBy: string;
      extendByMs: number;
      reason: string;
      status: components['schemas']['ExtensionStatus'];
      decidedBy: string | null;
      decidedAt: string | null;
      decisionNote: string | null;
      createdAt: string;
    };
    /** @enum {string} */
    ExtensionStatus: 'pending' | 'granted' | 'denied';
    Incident: {
      /** @description The incident id within the ticket (`i<n>`) */
      id: string;
      /** @description The element where the flow stopped (e.g. the gateway) */
      elementId: string;
      /** @description The sequence flow whose condition failed; null for other incidents */
      flowId: string | null;
      /** @description That flow's condition (FEEL) */
      expression: string | null;
      /** @description Why the flow could not go on */
      error: string;
      at: string;
    };
    TicketSummary: {
      id: string;
      number: number;
      typeId: string;
      title: string;
      /** @enum {string} */
      priority: 'urgent' | 'high' | 'medium' | 'low';
      /** @enum {string} */
      category: 'fault' | 'inquiry' | 'service-request' | 'complaint' | 'suggestion' | 'refund' | 'other';
      service: string | null;
      /** @enum {string} */
      status: 'submitted' | 'pending' | 'in_progress' | 'replied' | 'done' | 'cancelled';
      slaLevel: components['schemas']['SlaLevel'];
      slaDueAt: string | null;
      customer: components['schemas']['Customer'];
      createdAt: string;
      updatedAt: string;
      closedAt: string | null;
      openTasks: {
        id: string;
        name: string;
        department: string | null;
        assigneeId: string | null;
        dueAt: string | null;
        slaLevel: components['schemas']['SlaLevel'];
      }[];
    };
    IncidentListItem: components['schemas']['Incident'] & {
      ticket: {
        id: string;
        number: number;
        title: string;
        typeId: string;
      };
    };
    ConversationMail: {
      id: number;
      /** @enum {string} */
      direction: 'in' | 'out';
      /**
       * @description How a customer's words came
       * @enum {string}
       */
      channel: 'email' | 'status-page';
      from: string;
      /** @description The customer's name, for mail in from the ticket's customer; null otherwise */
      fromName: string | null;
      to: string;
      subject: string;
      /** @description Plain text, as received or sent: never HTML */
      text: string;
      at: string;
      /** @description The agent who sent a reply */
      authorId: string | null;
      attachments: {
        id: number;
        filename: string;
        contentType: string;
        sizeBytes: number;
      }[];
      /** @description Replies only: how the outbox delivery went */
      delivery: {
        /** @enum {string} */
        state: 'queued' | 'sent' | 'failing';
        attempts: number;
        error: string | null;
      } | null;
    };
    CustomerStatus: {
      number: number;
      title: string;
      /** @enum {string} */
      state: 'in-progress' | 'waiting-for-you' | 'done' | 'cancelled';
      openedAt: string;
      closedAt: string | null;
      /** @description Who works on it now, by department name */
      departments: string[];
      /** @description The people working on it now, by name: only where the admin allows it (BATON_STATUS_PAGE_AGENT_NAMES=on); else empty */
      agents: string[];
      /** @description Expected completion from the ticket's open clocks (its resolution target, else its current step's); null when closed or waiting for the customer */
      expectedBy: string | null;
      expectation: string;
      messages: {
        /** @enum {string} */
        from: 'you' | 'support';
        text: string;
        at: string;
      }[];
      canWrite: boolean;
      rating: {
        score: number;
        comment: string;
      } | null;
      /** @description Done and not rated yet */
      canRate: boolean;
    };
    PublicFormDefinition: {
      id: string;
      name: string;
      description: string;
      fields: components['schemas']['FieldDefinition'][];
    };
    RatingReview: {
      ticketId: string;
      number: number;
      title: string;
      score: number;
      comment: string;
      ratedAt: string;
      department: string | null;
      agentId: string | null;
      /** @description The ticket's last stage closed overdue or severe */
      late: boolean;
    };
    QueueItem: {
      /** @description Global task id `<ticketId>.<taskId>`: the ticket id, a dot, then the engine task id within that ticket (as listed by GET /api/tasks and GET /api/tickets/{id}). */
      id: string;
      ticketId: string;
      ticketNumber: number;
      ticketTitle: string;
      /** @enum {string} */
      priority: 'urgent' | 'high' | 'medium' | 'low';
      /** @description The older system the ticket was imported from, with its history as it stood there: no engine runs it, so it is read only (its tasks offer no action; an admin may cancel it to close its open stages). null: Baton runs it. */
      importedFrom: string | null;
      taskId: string;
      elementId: string;
      name: string;
      department: string | null;
      assigneeId: string | null;
      outcomes: string[];
      enteredAt: string;
      claimedAt: string | null;
      dueAt: string | null;
      slaLevel: components['schemas']['SlaLevel'];
      actions: components['schemas']['TaskActions'];
    };
    ActResult: {
      ticketId: string;
      /**
       * @description The ticket's status after the action, as the ticket list and detail say it.
       * @enum {string}
       */
      ticketStatus: 'submitted' | 'pending' | 'in_progress' | 'replied' | 'done' | 'cancelled';
      /** @description The task after the action, null once it closed. */
      task: components['schemas']['OpenTask'] | null;
      openTasks: components['schemas']['OpenTask'][];
    };
    ExtensionRequest: {
      id: string;
      ticketId: string;
      /** @description Global task id `<ticketId>.<taskId>`: the ticket id, a dot, then the engine task id within that ticket (as listed by GET /api/tasks and GET /api/tickets/{id}). */
      taskId: string;
      department: string | null;
      requestedBy: string;
      extendByMs: number;
      reason: string;
      status: components['schemas']['ExtensionStatus'];
      decidedBy: string | null;
      decidedAt: string | null;
      decisionNote: string | null;
      /** @description The time granted (the lead may grant less or more than asked); null unless granted. */
      grantedMs: number | null;
      createdAt: string;
      ticketNumber: number;
      ticketTitle: string;
      taskName: string | null;
      /** @description The task's deadline now. */
      taskDueAt: string | null;
      /** @description The caller may grant or deny it (while it is pending). */
      mayDecide: boolean;
    };
    ReportRange: {
      preset: string;
      from: string;
      to: string;
      timeZone: string;
    };
    DurationGroup: {
      department: string | null;
      elementId?: string;
      task?: string;
      count: number;
      /** @description milliseconds */
      meanMs: number;
      /** @description milliseconds */
      p50Ms: number;
      /** @description milliseconds */
      p90Ms: number;
      /** @description milliseconds */
      p99Ms: number;
      histogram: {
        key: string;
        label: string;
        /** @description The band's exclusive upper bound; null for the last, open band */
        upToMs: number | null;
        count: number;
      }[];
      sla: {
        withTarget: number;
        met: number;
        attainment: number | null;
      };
    };
    SlaTarget: {
      typeId: string;
      flowVersionId: string;
      department: string | null;
      elementId: string;
      task: string;
      /** @description milliseconds */
      slaTargetMs: number;
      /** @description Business calendar; null = wall-clock time */
      calendar: string | null;
    };
    Notification: {
      id: string;
      ticketId: string | null;
      ticketNumber: number | null;
      /** @description Global task id `<ticketId>.<taskId>`: the ticket id, a dot, then the engine task id within that ticket (as listed by GET /api/tasks and GET /api/tickets/{id}). Null when it concerns the whole ticket. */
      taskId: string | null;
      /**
       * @description What it is about (the diagram template).
       * @example sla.overdue
       */
      template: string;
      subject: string;
      body: string;
      createdAt: string;
      /** @description Null while unread. */
      readAt: string | null;
    };
    UnreadNotifications: {
      unread: number;
    };
    WebhookSubscription: {
      id: string;
      url: string;
      description: string;
      events: (
        | 'ticket.created'
        | 'ticket.stage_changed'
        | 'ticket.sla_level'
        | 'ticket.done'
        | 'ticket.rated'
        | 'ticket.reopened'
      )[];
      /** @description Only tickets of this type; null: every type. */
      typeId: string | null;
      active: boolean;
      /** @description The first and last characters of the signing secret. */
      secretHint: string;
      createdAt: string;
      updatedAt: string;
      deliveries: {
        pending: number;
        delivered: number;
        failed: number;
        lastAt: string | null;
      };
    };
    WebhookSubscriptionWithSecret: components['schemas']['WebhookSubscription'] & {
      /** @description The signing secret, answered only now: every delivery carries `Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
      secret: string;
    };
    WebhookDelivery: {
      id: string;
      /**
       * @description `ticket.created`; `ticket.stage_changed` (a stage opened: the ticket reached a department); `ticket.sla_level` (a stage's or the ticket's clock reached warning, overdue or severe); `ticket.done`; `ticket.rated` (the customer rated it); `ticket.reopened` (a done ticket opened again: `data.reason`, and `data.by`, the user or `customer` for their answer by mail).
       * @enum {string}
       */
      event:
        | 'ticket.created'
        | 'ticket.stage_changed'
        | 'ticket.sla_level'
        | 'ticket.done'
        | 'ticket.rated'
        | 'ticket.reopened';
      /** @description The same for every delivery of one event: receivers dedupe by it. */
      eventId: string;
      ticketId: string;
      ticketNumber: number;
      /** @enum {string} */
      status: 'pending' | 'delivered' | 'failed';
      attempts: number;
      lastStatusCode: number | null;
      lastError: string | null;
      nextAttemptAt: string | null;
      deliveredAt: string | null;
      createdAt: string;
      payload: {
        [key: string]: unknown;
      };
      log: {
        attempt: number;
        at: string;
        durationMs: number;
        /** @description Null: no answer (refused, timed out). */
        statusCode: number | null;
        error: string | null;
        /** @description The first 500 characters of the receiver's answer. */
        responseExcerpt: string | null;
      }[];
    };
    MailTemplate: {
      key: string;
      name: string;
      subject: string;
      body: string;
      updatedAt: string;
    };
    TimingRuleVersion: {
      key: string;
      version: number;
      /** @description False: retired for tickets created after this version. */
      active: boolean;
      rule: components['schemas']['TimingRuleBody'];
      createdBy: string | null;
      createdAt: string;
    };
    TimingRuleBody: {
      name: string;
      /** @description Ticket types the rule is for; absent: every type. */
      typeIds?: string[];
      /**
       * @description FEEL over the ticket: priority, category, service and its form fields. Absent: every ticket.
       * @example category = "refund" and amount > 100
       */
      filter?: string;
      start: components['schemas']['ClockTrigger'][];
      pause: components['schemas']['ClockTrigger'][];
      resume: components['schemas']['ClockTrigger'][];
      stop: components['schemas']['ClockTrigger'][];
      /** @description Target in ms per priority; a priority without one is not timed by the rule. */
      targetsMs: {
        urgent?: number;
        high?: number;
        medium?: number;
        low?: number;
      };
      /** @description Calendar key; absent: wall-clock time. */
      calendar?: string;
      /** @description Count on the hours of the department holding the ticket where it keeps its own. */
      followOwner: boolean;
      /** @description Warning at this fraction of the target (below 1). */
      warnAt: number;
      /** @description Severe at this fraction of the target (above 1). */
      severeAt: number;
    };
    ClockTrigger: {
      /**
       * @description `ticket.created`; `task.opened` / `task.closed` (a stage opened or closed); `task.held` / `task.resumed`; `customer.message` (a mail in, or a message from the status page or an agent recording one); `agent.reply` (a reply an agent sent the customer); `ticket.done`; `ticket.cancelled`; `ticket.reopened` (a done ticket opened again: as a start trigger, it begins a new cycle of a stopped clock); `status.changed` (the ticket took `status`).
       * @enum {string}
       */
      on:
        | 'ticket.created'
        | 'task.opened'
        | 'task.closed'
        | 'task.held'
        | 'task.resumed'
        | 'customer.message'
        | 'agent.reply'
        | 'ticket.done'
        | 'ticket.cancelled'
        | 'ticket.reopened'
        | 'status.changed';
      /** @description Task events only: just this department’s tasks. */
      department?: string;
      /**
       * @description `status.changed` only, and required there: the status the ticket took.
       * @enum {string}
       */
      status?: 'submitted' | 'in_progress' | 'pending' | 'done' | 'cancelled';
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
