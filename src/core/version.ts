/** The product version; a test keeps it equal to package.json's. */
export const productVersion = '0.1.0';
