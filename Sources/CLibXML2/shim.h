/* libxml2 for Herald's HTMLParser. libxml2 is built with ICU, and its encoding.h would include
   the system's ICU headers, whose `UErrorCode` differs from the one Foundation's own ICU module
   declares; a Swift module importing both (HeraldEmail) then fails to build from scratch. Herald
   never touches the ICU members of libxml2's encoding handlers (it only holds pointers to them),
   so the ICU part of the headers is left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
