"""The programme in and out: an Excel workbook both ways, and Word documents in.

Project glue, because one workbook spans thema (thema's, inspanningen with voortgang, mijlpalen) and dorpen
(kernen, dorpsacties). django-import-export does the row work (matching on codes, validating, dry runs); this
package adds the workbook around it (one sheet per kind, one transaction for all sheets) and the Word reader.
"""
