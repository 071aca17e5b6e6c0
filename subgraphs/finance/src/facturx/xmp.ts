/** The name of the XML a Factur-X PDF embeds (Factur-X 1.07, § 6.2.2). */
export const FACTUR_X_FILE_NAME = "factur-x.xml";
export const FACTUR_X_NAMESPACE = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

const property = (name: string, description: string) => `
              <rdf:li rdf:parseType="Resource">
                <pdfaProperty:name>${name}</pdfaProperty:name>
                <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                <pdfaProperty:category>external</pdfaProperty:category>
                <pdfaProperty:description>${description}</pdfaProperty:description>
              </rdf:li>`;

/**
 * The XMP a Factur-X PDF/A-3 carries beside PDF/A's own (Factur-X 1.07, § 6.2.3 and its annex):
 * the extension schema that declares the `fx` properties to PDF/A validators, then the properties
 * themselves: the document type, the embedded file's name, the version of the XMP schema (1.0)
 * and the profile, here EN 16931 (the European norm's core invoice, what French e-invoicing takes).
 */
export function facturXMetadata(): string {
  return `
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
          <pdfaExtension:schemas>
            <rdf:Bag>
              <rdf:li rdf:parseType="Resource">
                <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
                <pdfaSchema:namespaceURI>${FACTUR_X_NAMESPACE}</pdfaSchema:namespaceURI>
                <pdfaSchema:prefix>fx</pdfaSchema:prefix>
                <pdfaSchema:property>
                  <rdf:Seq>${property("DocumentFileName", "The name of the embedded XML document")}${property(
                    "DocumentType",
                    "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER",
                  )}${property("Version", "The actual version of the standard applying to the embedded XML document")}${property(
                    "ConformanceLevel",
                    "The conformance level of the embedded XML document",
                  )}
                  </rdf:Seq>
                </pdfaSchema:property>
              </rdf:li>
            </rdf:Bag>
          </pdfaExtension:schemas>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:fx="${FACTUR_X_NAMESPACE}">
          <fx:DocumentType>INVOICE</fx:DocumentType>
          <fx:DocumentFileName>${FACTUR_X_FILE_NAME}</fx:DocumentFileName>
          <fx:Version>1.0</fx:Version>
          <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
        </rdf:Description>
        `;
}
